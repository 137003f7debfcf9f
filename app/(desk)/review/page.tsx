import type { Metadata } from "next";
import { AppLink as Link } from "@/components/ui/app-link";
import { requirePage } from "@/lib/auth/session";
import { listNeedsReview, rerouteOptions } from "@/lib/routing/review-queue";
import { describeBlockReason, percent, reasonWords } from "@/lib/routing/reason";
import { CHANNEL_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { RerouteForm } from "@/components/routing/reroute-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Требует разбора" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePage("/review");
  const params = flatParams(await searchParams);
  const [result, options] = await Promise.all([listNeedsReview(params), rerouteOptions()]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Требует разбора</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        Сообщения, которые не удалось направить автоматически: тема не определена или классификатор не уверен. Выберите
        тему и блок — исправления пополняют обучающие данные классификатора.
      </p>
      {result.count === 0 ? (
        <p
          className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700"
          data-testid="review-empty"
        >
          Все сообщения разобраны — здесь пусто.
        </p>
      ) : (
        <ul className="space-y-4" data-testid="review-list">
          {result.data.map((m) => {
            const words = reasonWords(m.topicReason);
            const confidence = m.topicSource === "model" ? m.topicConfidence : null;
            return (
              <Card key={m.id} as="li" data-testid="review-item">
                <article aria-labelledby={`review-${m.id}-title`} className="grid gap-4 lg:grid-cols-2">
                  <div>
                    <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                      <h2 id={`review-${m.id}-title`} className="text-base font-semibold">
                        <Link className="text-brand-700 underline" href={`/messages/${m.id}`}>
                          Сообщение № {m.id}
                        </Link>
                      </h2>
                      <Badge tone="blue">{STATUS_LABELS[m.status]}</Badge>
                      <span>{CHANNEL_LABELS[m.channel]}</span>
                      <span className="text-slate-700">{formatDateTime(m.registeredAt)}</span>
                      {m.locality && <span className="text-slate-700">{m.locality}</span>}
                    </div>
                    {m.title && <p className="font-medium">{m.title}</p>}
                    <p className="whitespace-pre-wrap text-sm">
                      {m.preview || <span className="italic text-slate-700">Текст пуст</span>}
                    </p>
                    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="review-reason">
                      {m.sourceCategory && (
                        <>
                          <dt className="text-slate-700">Категория ПОС</dt>
                          <dd>
                            {m.sourceCategory}
                            {m.sourceSubcategory ? ` / ${m.sourceSubcategory}` : ""} (нет в таблице категорий)
                          </dd>
                        </>
                      )}
                      <dt className="text-slate-700">Тема классификатора</dt>
                      <dd>
                        {m.topic?.name ?? "не определена"}
                        {confidence != null && (
                          <>
                            , уверенность <strong>{percent(confidence)}</strong>
                          </>
                        )}
                      </dd>
                      <dt className="text-slate-700">Слова</dt>
                      <dd>{words.length ? words.join(", ") : "значимых слов не найдено"}</dd>
                      <dt className="text-slate-700">Почему здесь</dt>
                      <dd>{describeBlockReason(m.blockSource, m.blockReason)}</dd>
                    </dl>
                  </div>
                  <div>
                    <RerouteForm
                      messageId={m.id}
                      currentTopicId={m.topicId}
                      currentBlockId={m.blockId}
                      topics={options.topics}
                      blocks={options.blocks}
                    />
                  </div>
                </article>
              </Card>
            );
          })}
        </ul>
      )}
      <Pagination
        basePath="/review"
        params={params}
        page={result.page}
        totalPages={result.totalPages}
        count={result.count}
      />
    </>
  );
}
