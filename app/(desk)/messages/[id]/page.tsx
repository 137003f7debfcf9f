import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getMessage } from "@/lib/messages/get-message";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { CHANNEL_LABELS, REGIME_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { formatDate, formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { DeadlineBadge } from "@/components/messages/deadline-badge";
import { HistoryTimeline } from "@/components/messages/history-timeline";
import { getMessageWorkflow } from "@/lib/workflow/message-workflow";
import { ActionsPanel } from "@/components/workflow/actions-panel";
import { AnswersHistory } from "@/components/workflow/answers-history";
import { ContactsList } from "@/components/workflow/contacts-list";
import { ExtensionsList } from "@/components/workflow/extensions-list";
import { RerouteForm } from "@/components/routing/reroute-form";
import { rerouteOptions } from "@/lib/routing/review-queue";
import { describeBlockReason, describeTopicReason } from "@/lib/routing/reason";
import { relatedMessages } from "@/lib/messages/related";
import { RelatedMessages } from "@/components/messages/related-messages";
import { MessageProblemLink } from "@/components/problems/message-problem-link";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Сообщение" };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/messages/[id]");
  const { id } = await params;
  let m;
  try {
    m = await getMessage(user, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const wf = await getMessageWorkflow(user, m.id);
  const canTriage = can(user, "message.triage");
  const reroute = canTriage ? await rerouteOptions() : null;
  const related = await relatedMessages(user, m);
  return (
    <article>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Сообщение № {m.id}</h1>
        <Badge tone="blue">{STATUS_LABELS[m.status]}</Badge>
        <DeadlineBadge state={m.deadlineState} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card as="section" className="lg:col-span-2">
          <h2 className="mb-2 font-semibold">{m.title ?? "Текст сообщения"}</h2>
          {/* Plain text only: HTML from channels is stripped at ingestion and never rendered raw. */}
          <p className="whitespace-pre-wrap">{m.textClean}</p>
          {m.sourceUrl && (
            <p className="mt-3 text-sm">
              <a className="text-brand-700 underline" href={m.sourceUrl} target="_blank" rel="noopener noreferrer">
                Открыть в источнике
              </a>
            </p>
          )}
        </Card>
        <Card as="section" className="text-sm">
          <h2 className="mb-2 font-semibold">Сведения</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-700">Канал</dt>
            <dd>
              {CHANNEL_LABELS[m.channel]} (№ {m.externalId})
            </dd>
            <dt className="text-slate-700">Режим</dt>
            <dd>{REGIME_LABELS[m.regime]}</dd>
            <dt className="text-slate-700">Поступило</dt>
            <dd>{formatDateTime(m.registeredAt)}</dd>
            <dt className="text-slate-700">Срок ответа</dt>
            <dd>
              {m.dueLocalDate ? formatDate(m.dueLocalDate) : "—"}
              {m.extensionCount > 0 && " (продлён)"}
            </dd>
            <dt className="text-slate-700">Адрес</dt>
            <dd>{[m.locality, m.address].filter(Boolean).join(", ") || "—"}</dd>
            {m.sourceCategory && (
              <>
                <dt className="text-slate-700">Категория ПОС</dt>
                <dd>
                  {m.sourceCategory}
                  {m.sourceSubcategory ? ` / ${m.sourceSubcategory}` : ""}
                </dd>
              </>
            )}
            <dt className="text-slate-700">Тема</dt>
            <dd>
              {m.topic?.name ?? "—"}{" "}
              <span className="block text-xs text-slate-600" data-testid="topic-reason">
                {describeTopicReason(m.topicSource, m.topicReason, m.topicConfidence)}
              </span>
            </dd>
            <dt className="text-slate-700">Блок</dt>
            <dd>
              {m.block?.name ?? "—"}{" "}
              <span className="block text-xs text-slate-600" data-testid="block-reason">
                {describeBlockReason(m.blockSource, m.blockReason)}
              </span>
            </dd>
          </dl>
          {m.needsReview && (
            <p className="mt-2">
              <Badge tone="amber">Требует разбора</Badge>
            </p>
          )}
          <h2 className="mb-2 mt-4 font-semibold">Заявитель</h2>
          {m.author ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" data-testid="author">
              <dt className="text-slate-700">ФИО</dt>
              <dd>{m.author.name ?? "—"}</dd>
              <dt className="text-slate-700">Телефон</dt>
              <dd>{m.author.phone ?? "—"}</dd>
              <dt className="text-slate-700">E-mail</dt>
              <dd>{m.author.email ?? "—"}</dd>
              {m.author.profile && (
                <>
                  <dt className="text-slate-700">Профиль</dt>
                  <dd className="break-all">{m.author.profile}</dd>
                </>
              )}
            </dl>
          ) : (
            <p className="text-slate-700">Персональные данные заявителя скрыты для вашей роли.</p>
          )}
        </Card>
      </div>
      <MessageProblemLink user={user} messageId={m.id} />
      <ActionsPanel messageId={m.id} wf={wf} dueAt={m.dueAt} />
      {reroute && (
        <Card as="section" className="mt-4" aria-labelledby="reroute-heading">
          <h2 id="reroute-heading" className="mb-2 font-semibold">
            Тема и блок
          </h2>
          <RerouteForm
            messageId={m.id}
            currentTopicId={m.topicId}
            currentBlockId={m.blockId}
            topics={reroute.topics}
            blocks={reroute.blocks}
          />
        </Card>
      )}
      <Card as="section" className="mt-4" aria-labelledby="answers-heading">
        <h2 id="answers-heading" className="mb-2 font-semibold">
          Ответы и проверка
        </h2>
        <AnswersHistory messageId={m.id} answers={wf.answers} showWarnings={can(user, "answer.quality")} />
      </Card>
      {(m.channel === "pos" || wf.contacts.length > 0) && (
        <Card as="section" className="mt-4" aria-labelledby="contacts-heading">
          <h2 id="contacts-heading" className="mb-2 font-semibold">
            Звонки заявителю
          </h2>
          <ContactsList contacts={wf.contacts} />
        </Card>
      )}
      {wf.extensions.length > 0 && (
        <Card as="section" className="mt-4" aria-labelledby="extensions-heading">
          <h2 id="extensions-heading" className="mb-2 font-semibold">
            Продление срока
          </h2>
          <ExtensionsList extensions={wf.extensions} />
        </Card>
      )}
      <Card as="section" className="mt-4" aria-labelledby="related-heading">
        <h2 id="related-heading" className="mb-2 font-semibold">
          Похожие сообщения
        </h2>
        <RelatedMessages
          messageId={m.id}
          related={related}
          canMarkDuplicate={canTriage && !["rejected", "redirected", "closed"].includes(m.status)}
        />
      </Card>
      <Card as="section" className="mt-4">
        <h2 className="mb-2 font-semibold">История</h2>
        <HistoryTimeline events={m.events} />
      </Card>
    </article>
  );
}
