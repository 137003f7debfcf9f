import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { getRoutingAdmin } from "@/lib/admin/routing";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { Badge } from "@/components/ui/badge";
import { TopicBlockForm } from "@/components/routing/topic-block-form";
import { RuleForm } from "@/components/routing/rule-form";
import { RuleControls } from "@/components/routing/rule-controls";
import { CategoryAddForm, CategoryTopicForm } from "@/components/routing/category-form";
import { Table, THead, Th, Td, Tr } from "@/components/ui/table";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Маршрутизация" };

export default async function RoutingPage() {
  await requirePage("/admin/routing");
  const { topics, blocks, rules, categories } = await getRoutingAdmin();
  const topicName = new Map(topics.map((t) => [t.id, t.name]));
  const blockName = new Map(blocks.map((b) => [b.id, b.shortName]));
  const activeRules = rules.filter((r) => r.active);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Маршрутизация</h1>
      <p className="mb-6 max-w-3xl text-sm text-slate-700">
        Как поступающее сообщение попадает в блок: тема определяется по категории ПОС, а без неё — классификатором
        текста; затем по порядку проверяются правила (первое подходящее направляет сообщение), иначе сообщение уходит в
        блок, за которым закреплена тема. Изменения действуют для новых сообщений; причина каждого решения видна в
        карточке сообщения.
      </p>

      <section aria-labelledby="rules-heading" className="mb-10">
        <h2 id="rules-heading" className="mb-2 text-xl font-semibold">
          Правила маршрутизации
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Условия правила действуют вместе (И), ключевые слова — любое из них (ИЛИ). Правило без условий не применяется.
        </p>
        {rules.length === 0 ? (
          <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
            Правил пока нет — сообщения направляются по темам.
          </p>
        ) : (
          <Table data-testid="rules-table" caption="Правила маршрутизации в порядке проверки">
            <THead>
              <tr>
                <Th>Приоритет</Th>
                <Th>Правило</Th>
                <Th>Условия</Th>
                <Th>Блок</Th>
                <Th>Порядок и состояние</Th>
              </tr>
            </THead>
            <tbody>
              {rules.map((r) => {
                const i = activeRules.findIndex((x) => x.id === r.id);
                return (
                  <tr
                    key={r.id}
                    className={`border-t border-slate-200 align-top ${r.active ? "" : "bg-slate-50 text-slate-700"}`}
                    data-testid={`rule-${r.id}`}
                  >
                    <Td className="font-mono">{r.priority}</Td>
                    <Td>
                      <div className="font-medium">{r.name}</div>
                      {!r.active && <Badge>Отключено</Badge>}
                      <details className="mt-2">
                        <summary className="cursor-pointer text-brand-700 underline">
                          Изменить<span className="sr-only"> правило «{r.name}»</span>
                        </summary>
                        <div className="mt-2 min-w-[36rem]">
                          <RuleForm rule={r} topics={topics} blocks={blocks} />
                        </div>
                      </details>
                    </Td>
                    <Td>
                      <ul className="space-y-0.5">
                        {r.keywords.length > 0 && <li>слова: {r.keywords.join(", ")}</li>}
                        {r.channel && <li>канал: {CHANNEL_LABELS[r.channel]}</li>}
                        {r.locality && <li>населённый пункт: {r.locality}</li>}
                        {r.topicId && <li>тема: {topicName.get(r.topicId) ?? "—"}</li>}
                      </ul>
                    </Td>
                    <Td>{blockName.get(r.blockId) ?? "—"}</Td>
                    <Td>
                      <RuleControls
                        id={r.id}
                        name={r.name}
                        active={r.active}
                        first={i === 0}
                        last={i === activeRules.length - 1}
                      />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        <Card className="mt-4">
          <h3 className="mb-2 font-semibold">Новое правило</h3>
          <RuleForm topics={topics} blocks={blocks} />
        </Card>
      </section>

      <section aria-labelledby="topics-heading" className="mb-10">
        <h2 id="topics-heading" className="mb-2 text-xl font-semibold">
          Темы и блоки
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Блок, который получает сообщения темы, если ни одно правило не подошло.
        </p>
        <Table data-testid="topic-blocks-table" caption="Темы и блоки, которым они направляются">
          <THead>
            <tr>
              <Th>Код</Th>
              <Th>Тема</Th>
              <Th>Блок</Th>
            </tr>
          </THead>
          <tbody>
            {topics.map((t) => (
              <Tr key={t.id}>
                <Td className="font-mono">{t.code}</Td>
                <Td>{t.name}</Td>
                <Td>
                  <TopicBlockForm topicId={t.id} topicName={t.name} blockId={t.blockId} blocks={blocks} />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-2 text-xl font-semibold">
          Категории ПОС и темы
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Категория, выбранная жителем в «Решаем вместе», важнее классификатора текста. Строка подкатегории точнее
          строки всей категории.
        </p>
        <Card className="mb-4">
          <h3 className="mb-2 font-semibold">Добавить категорию или подкатегорию</h3>
          <CategoryAddForm topics={topics} />
        </Card>
        {categories.length === 0 ? (
          <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
            Таблица пуста — сообщения ПОС классифицируются по тексту.
          </p>
        ) : (
          <Table data-testid="categories-table" caption="Соответствие категорий ПОС темам">
            <THead>
              <tr>
                <Th>Категория</Th>
                <Th>Подкатегория</Th>
                <Th>Тема</Th>
              </tr>
            </THead>
            <tbody>
              {categories.map((c) => (
                <Tr key={c.id}>
                  <Td>{c.category}</Td>
                  <Td>{c.subcategory || <span className="text-slate-700">вся категория</span>}</Td>
                  <Td>
                    <CategoryTopicForm
                      id={c.id}
                      category={c.category}
                      subcategory={c.subcategory}
                      topicId={c.topicId}
                      topics={topics}
                    />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  );
}
