import type { Metadata } from "next";
import { AppLink as Link } from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getProblem } from "@/lib/problems/get-problem";
import { PROBLEM_ORIGIN_LABELS, PROBLEM_STATUS_LABELS } from "@/lib/problems/labels";
import { serializeQueueParams } from "@/lib/queue/params";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { ProblemMembers } from "@/components/problems/problem-members";
import { ProblemHistory } from "@/components/problems/problem-history";
import { ProblemRenameForm } from "@/components/problems/problem-rename-form";
import { ProblemStatusForm } from "@/components/problems/problem-status-form";
import { ProblemMergeForm } from "@/components/problems/problem-merge-form";
import { ProblemAttachForm } from "@/components/problems/problem-attach-form";
import { ProblemAnswerForm } from "@/components/problems/problem-answer-form";
import { ProblemResidents } from "@/components/problems/problem-residents";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Комплексная проблема" };

export default async function ProblemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/problems/[id]");
  const { id } = await params;
  let p;
  try {
    p = await getProblem(user, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const editable = p.canEdit && !p.mergedIntoId;
  const open = p.messages.filter((m) => m.open);
  return (
    <article>
      <p className="mb-2 text-sm">
        <Link href="/problems" className="text-brand-700 underline">
          ← Все проблемы
        </Link>
      </p>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          Проблема № {p.id}. {p.title}
        </h1>
        <Badge tone="blue">{PROBLEM_STATUS_LABELS[p.status]}</Badge>
      </div>
      {p.mergedIntoId && (
        <p
          className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="merged-notice"
        >
          Проблема объединена с{" "}
          <Link href={`/problems/${p.mergedIntoId}`} className="underline">
            проблемой № {p.mergedIntoId}
          </Link>
          ; её сообщения перенесены туда.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card as="section" className="text-sm lg:col-span-2" aria-labelledby="summary-heading">
          <h2 id="summary-heading" className="mb-2 font-semibold">
            Сведения
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-700">Тема</dt>
            <dd>{p.topic?.name ?? "—"}</dd>
            <dt className="text-slate-700">Место</dt>
            <dd>{[p.locality, p.address].filter(Boolean).join("; ") || "—"}</dd>
            <dt className="text-slate-700">Сообщений</dt>
            <dd data-testid="problem-count">
              {p.messages.length} (открытых {open.length})
            </dd>
            <dt className="text-slate-700">Жителей</dt>
            <dd>{p.residentCount}</dd>
            <dt className="text-slate-700">Каналы</dt>
            <dd data-testid="problem-channels">{p.channels.map((c) => CHANNEL_LABELS[c]).join(", ") || "—"}</dd>
            <dt className="text-slate-700">Блоки</dt>
            <dd>{p.blocks.join(", ") || "—"}</dd>
            <dt className="text-slate-700">Период</dt>
            <dd>
              {formatDateTime(p.firstAt)} — {formatDateTime(p.lastAt)}
            </dd>
            <dt className="text-slate-700">Происхождение</dt>
            <dd>
              {PROBLEM_ORIGIN_LABELS[p.origin]}
              {p.createdBy ? ` (${p.createdBy})` : ""}, {formatDateTime(p.createdAt)}
            </dd>
          </dl>
          <p className="mt-3">
            <Link
              href={`/queue?${serializeQueueParams({ problem: p.id })}`}
              className="text-brand-700 underline"
              data-testid="problem-queue-link"
            >
              Открыть сообщения проблемы в очереди
            </Link>
          </p>
        </Card>
        {editable && (
          <Card as="section" className="space-y-4" aria-labelledby="manage-heading">
            <h2 id="manage-heading" className="font-semibold">
              Управление
            </h2>
            <ProblemRenameForm problemId={p.id} title={p.title} />
            <ProblemStatusForm problemId={p.id} status={p.status} />
            <ProblemAttachForm problemId={p.id} />
            <ProblemMergeForm problemId={p.id} />
          </Card>
        )}
      </div>
      <Card as="section" className="mt-4" aria-labelledby="messages-heading">
        <h2 id="messages-heading" className="mb-2 font-semibold">
          Сообщения
        </h2>
        <ProblemMembers problemId={p.id} messages={p.messages} canEdit={editable} />
      </Card>
      {editable && open.length > 0 && (
        <Card as="section" className="mt-4" aria-labelledby="answer-heading">
          <h2 id="answer-heading" className="mb-2 font-semibold">
            Ответ по проблеме
          </h2>
          <ProblemAnswerForm
            problemId={p.id}
            openCount={open.length}
            posCount={open.filter((m) => m.channel === "pos").length}
          />
        </Card>
      )}
      <Card as="section" className="mt-4" aria-labelledby="residents-heading">
        <h2 id="residents-heading" className="mb-2 font-semibold">
          Затронутые жители
        </h2>
        <ProblemResidents count={p.residentCount} residents={p.residents} />
      </Card>
      <Card as="section" className="mt-4" aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 font-semibold">
          История состава
        </h2>
        <ProblemHistory history={p.history} mergedFrom={p.mergedFrom} />
      </Card>
    </article>
  );
}
