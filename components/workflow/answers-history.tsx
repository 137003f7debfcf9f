import { formatDateTime } from "@/lib/format";
import type { MessageWorkflow } from "@/lib/workflow/message-workflow";
import { REVIEW_CHECKLIST, type ChecklistCode } from "@/lib/workflow/review-checklist";
import { Badge } from "@/components/ui/badge";
import { ANSWER_STATUS_LABELS } from "./labels";
import { AttachmentLink } from "./attachment-link";

const TONE = {
  draft: "slate",
  submitted: "blue",
  returned: "amber",
  approved: "green",
  released: "green",
  failed: "red",
} as const;

/** Every submitted round with its review, newest first: nothing is overwritten. */
export function AnswersHistory({
  messageId,
  answers,
  showWarnings,
}: {
  messageId: number;
  answers: MessageWorkflow["answers"];
  showWarnings: boolean;
}) {
  if (answers.length === 0) return <p className="text-slate-700">Ответов пока нет.</p>;
  return (
    <ol className="space-y-4" data-testid="answers">
      {[...answers].reverse().map((a) => (
        <li key={a.id} className="rounded border border-slate-200 p-3" data-testid={`answer-round-${a.round}`}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold">Раунд {a.round}</span>
            <Badge tone={TONE[a.status]}>{ANSWER_STATUS_LABELS[a.status]}</Badge>
            <span className="text-slate-700">
              {a.author.fullName} · {formatDateTime(a.submittedAt)}
            </span>
            {a.releasedAt && <span className="text-slate-700">· отправлен {formatDateTime(a.releasedAt)}</span>}
          </div>
          <p className="mt-2 whitespace-pre-wrap text-sm">{a.text}</p>
          {a.attachments.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm">
              {a.attachments.map((f) => (
                <li key={f.id}>
                  <AttachmentLink messageId={messageId} file={f} />
                </li>
              ))}
            </ul>
          )}
          {showWarnings && a.status === "submitted" && a.warnings.length > 0 && (
            <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
              <p className="font-medium">Признаки формального ответа:</p>
              <ul className="ml-5 list-disc">
                {a.warnings.map((w) => (
                  <li key={w.code}>{w.message}</li>
                ))}
              </ul>
            </div>
          )}
          {a.dispatchError && a.status === "approved" && (
            <p className="mt-2 text-sm text-red-800">
              Ошибка отправки (попыток: {a.dispatchAttempts}): {a.dispatchError}
            </p>
          )}
          {a.reviews.map((r) => (
            <div
              key={r.id}
              className={`mt-2 border-l-4 pl-3 text-sm ${r.decision === "approved" ? "border-green-600" : "border-amber-500"}`}
            >
              <p className="font-medium">
                {r.decision === "approved" ? "Одобрен" : "Возвращён на доработку"} · {r.reviewer.fullName} ·{" "}
                {formatDateTime(r.createdAt)}
              </p>
              {r.checklist.length > 0 && (
                <ul className="ml-5 list-disc">
                  {r.checklist.map((c) => (
                    <li key={c}>{REVIEW_CHECKLIST[c as ChecklistCode] ?? c}</li>
                  ))}
                </ul>
              )}
              {r.comment && <p className="whitespace-pre-wrap">{r.comment}</p>}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
