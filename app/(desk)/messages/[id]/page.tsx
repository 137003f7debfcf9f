import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getMessage } from "@/lib/messages/get-message";
import { AppError } from "@/lib/errors";
import { CHANNEL_LABELS, REGIME_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { formatDate, formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { DeadlineBadge } from "@/components/messages/deadline-badge";
import { HistoryTimeline } from "@/components/messages/history-timeline";

export const metadata: Metadata = { title: "Сообщение" };

const SOURCE_LABELS: Record<string, string> = {
  category_map: "по категории ПОС", model: "классификатор текста", lexicon: "ключевые слова", rule: "правило маршрутизации",
  topic_map: "по теме", manual: "вручную", none: "не определено",
};

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole();
  const { id } = await params;
  let m;
  try {
    m = await getMessage(user, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  return (
    <article>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Сообщение № {m.id}</h1>
        <Badge tone="blue">{STATUS_LABELS[m.status]}</Badge>
        <DeadlineBadge state={m.deadlineState} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <section className="rounded border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 className="mb-2 font-semibold">{m.title ?? "Текст сообщения"}</h2>
          {/* Plain text only: HTML from channels is stripped at ingestion and never rendered raw. */}
          <p className="whitespace-pre-wrap">{m.textClean}</p>
          {m.sourceUrl && (
            <p className="mt-3 text-sm"><a className="text-brand-700 underline" href={m.sourceUrl} target="_blank" rel="noopener noreferrer">Открыть в источнике</a></p>
          )}
        </section>
        <section className="rounded border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">Сведения</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-700">Канал</dt><dd>{CHANNEL_LABELS[m.channel]} (№ {m.externalId})</dd>
            <dt className="text-slate-700">Режим</dt><dd>{REGIME_LABELS[m.regime]}</dd>
            <dt className="text-slate-700">Поступило</dt><dd>{formatDateTime(m.registeredAt)}</dd>
            <dt className="text-slate-700">Срок ответа</dt><dd>{m.dueLocalDate ? formatDate(m.dueLocalDate) : "—"}{m.extensionCount > 0 && " (продлён)"}</dd>
            <dt className="text-slate-700">Адрес</dt><dd>{[m.locality, m.address].filter(Boolean).join(", ") || "—"}</dd>
            {m.sourceCategory && (<><dt className="text-slate-700">Категория ПОС</dt><dd>{m.sourceCategory}{m.sourceSubcategory ? ` / ${m.sourceSubcategory}` : ""}</dd></>)}
            <dt className="text-slate-700">Тема</dt><dd>{m.topic?.name ?? "—"} <span className="text-slate-600">({SOURCE_LABELS[m.topicSource]}{m.topicConfidence != null ? `, ${Math.round(m.topicConfidence * 100)} %` : ""})</span></dd>
            <dt className="text-slate-700">Блок</dt><dd>{m.block?.name ?? "—"} <span className="text-slate-600">({SOURCE_LABELS[m.blockSource]})</span></dd>
          </dl>
          {m.needsReview && <p className="mt-2"><Badge tone="amber">Требует разбора</Badge></p>}
          <h2 className="mb-2 mt-4 font-semibold">Заявитель</h2>
          {m.author ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" data-testid="author">
              <dt className="text-slate-700">ФИО</dt><dd>{m.author.name ?? "—"}</dd>
              <dt className="text-slate-700">Телефон</dt><dd>{m.author.phone ?? "—"}</dd>
              <dt className="text-slate-700">E-mail</dt><dd>{m.author.email ?? "—"}</dd>
              {m.author.profile && (<><dt className="text-slate-700">Профиль</dt><dd className="break-all">{m.author.profile}</dd></>)}
            </dl>
          ) : (
            <p className="text-slate-700">Персональные данные заявителя скрыты для вашей роли.</p>
          )}
        </section>
      </div>
      <section className="mt-4 rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">История</h2>
        <HistoryTimeline events={m.events} />
      </section>
    </article>
  );
}
