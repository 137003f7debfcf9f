import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { getRoutingAdmin } from "@/lib/admin/routing";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { Badge } from "@/components/ui/badge";
import { TopicBlockForm } from "@/components/routing/topic-block-form";
import { RuleForm } from "@/components/routing/rule-form";
import { RuleControls } from "@/components/routing/rule-controls";
import { CategoryAddForm, CategoryTopicForm } from "@/components/routing/category-form";

export const metadata: Metadata = { title: "Маршрутизация" };

const th = "px-3 py-2";

export default async function RoutingPage() {
  await requireRole("mcu_head");
  const { topics, blocks, rules, categories } = await getRoutingAdmin();
  const topicName = new Map(topics.map((t) => [t.id, t.name]));
  const blockName = new Map(blocks.map((b) => [b.id, b.shortName]));
  const activeRules = rules.filter((r) => r.active);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Маршрутизация</h1>
      <p className="mb-6 max-w-3xl text-sm text-slate-700">
        Как поступающее сообщение попадает в блок: тема определяется по категории ПОС, а без неё — классификатором текста;
        затем по порядку проверяются правила (первое подходящее направляет сообщение), иначе сообщение уходит в блок,
        за которым закреплена тема. Изменения действуют для новых сообщений; причина каждого решения видна в карточке сообщения.
      </p>

      <section aria-labelledby="rules-heading" className="mb-10">
        <h2 id="rules-heading" className="mb-2 text-xl font-semibold">Правила маршрутизации</h2>
        <p className="mb-3 text-sm text-slate-700">Условия правила действуют вместе (И), ключевые слова — любое из них (ИЛИ). Правило без условий не применяется.</p>
        {rules.length === 0 ? (
          <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">Правил пока нет — сообщения направляются по темам.</p>
        ) : (
          <div className="overflow-x-auto rounded border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" data-testid="rules-table">
              <caption className="sr-only">Правила маршрутизации в порядке проверки</caption>
              <thead className="bg-slate-100"><tr>
                <th scope="col" className={th}>Приоритет</th><th scope="col" className={th}>Правило</th>
                <th scope="col" className={th}>Условия</th><th scope="col" className={th}>Блок</th>
                <th scope="col" className={th}>Порядок и состояние</th>
              </tr></thead>
              <tbody>
                {rules.map((r) => {
                  const i = activeRules.findIndex((x) => x.id === r.id);
                  return (
                    <tr key={r.id} className={`border-t border-slate-200 align-top ${r.active ? "" : "bg-slate-50 text-slate-700"}`} data-testid={`rule-${r.id}`}>
                      <td className="px-3 py-2 font-mono">{r.priority}</td>
                      <td className="px-3 py-2">
                        <div className="font-medium">{r.name}</div>
                        {!r.active && <Badge>Отключено</Badge>}
                        <details className="mt-2">
                          <summary className="cursor-pointer text-brand-700 underline">Изменить<span className="sr-only"> правило «{r.name}»</span></summary>
                          <div className="mt-2 min-w-[36rem]"><RuleForm rule={r} topics={topics} blocks={blocks} /></div>
                        </details>
                      </td>
                      <td className="px-3 py-2">
                        <ul className="space-y-0.5">
                          {r.keywords.length > 0 && <li>слова: {r.keywords.join(", ")}</li>}
                          {r.channel && <li>канал: {CHANNEL_LABELS[r.channel]}</li>}
                          {r.locality && <li>населённый пункт: {r.locality}</li>}
                          {r.topicId && <li>тема: {topicName.get(r.topicId) ?? "—"}</li>}
                        </ul>
                      </td>
                      <td className="px-3 py-2">{blockName.get(r.blockId) ?? "—"}</td>
                      <td className="px-3 py-2">
                        <RuleControls id={r.id} name={r.name} active={r.active} first={i === 0} last={i === activeRules.length - 1} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="mt-4 rounded border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-semibold">Новое правило</h3>
          <RuleForm topics={topics} blocks={blocks} />
        </div>
      </section>

      <section aria-labelledby="topics-heading" className="mb-10">
        <h2 id="topics-heading" className="mb-2 text-xl font-semibold">Темы и блоки</h2>
        <p className="mb-3 text-sm text-slate-700">Блок, который получает сообщения темы, если ни одно правило не подошло.</p>
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="topic-blocks-table">
            <caption className="sr-only">Темы и блоки, которым они направляются</caption>
            <thead className="bg-slate-100"><tr>
              <th scope="col" className={th}>Код</th><th scope="col" className={th}>Тема</th><th scope="col" className={th}>Блок</th>
            </tr></thead>
            <tbody>
              {topics.map((t) => (
                <tr key={t.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 font-mono">{t.code}</td>
                  <td className="px-3 py-2">{t.name}</td>
                  <td className="px-3 py-2"><TopicBlockForm topicId={t.id} topicName={t.name} blockId={t.blockId} blocks={blocks} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-2 text-xl font-semibold">Категории ПОС и темы</h2>
        <p className="mb-3 text-sm text-slate-700">
          Категория, выбранная жителем в «Решаем вместе», важнее классификатора текста. Строка подкатегории точнее строки всей категории.
        </p>
        <div className="mb-4 rounded border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-semibold">Добавить категорию или подкатегорию</h3>
          <CategoryAddForm topics={topics} />
        </div>
        {categories.length === 0 ? (
          <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">Таблица пуста — сообщения ПОС классифицируются по тексту.</p>
        ) : (
          <div className="overflow-x-auto rounded border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" data-testid="categories-table">
              <caption className="sr-only">Соответствие категорий ПОС темам</caption>
              <thead className="bg-slate-100"><tr>
                <th scope="col" className={th}>Категория</th><th scope="col" className={th}>Подкатегория</th><th scope="col" className={th}>Тема</th>
              </tr></thead>
              <tbody>
                {categories.map((c) => (
                  <tr key={c.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">{c.category}</td>
                    <td className="px-3 py-2">{c.subcategory || <span className="text-slate-700">вся категория</span>}</td>
                    <td className="px-3 py-2"><CategoryTopicForm id={c.id} category={c.category} subcategory={c.subcategory} topicId={c.topicId} topics={topics} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
