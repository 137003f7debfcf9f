import { AppLink as Link } from "@/components/ui/app-link";
import type { ProblemDetails } from "@/lib/problems/get-problem";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";

/** Every membership, including detached ones: who added or removed which message, and when. */
export function ProblemHistory({
  history,
  mergedFrom,
}: {
  history: ProblemDetails["history"];
  mergedFrom: ProblemDetails["mergedFrom"];
}) {
  return (
    <>
      <ul className="space-y-1 text-sm" data-testid="problem-history">
        {history.map((h) => (
          <li key={h.id} className={h.detachedAt ? "text-slate-700" : undefined}>
            <Link href={`/messages/${h.messageId}`} className="text-brand-700 underline">
              № {h.messageId}
            </Link>{" "}
            ({CHANNEL_LABELS[h.channel]}): добавлено {formatDateTime(h.addedAt)} — {h.addedBy ?? "автоматически"}
            {h.detachedAt && (
              <>
                ; <strong>откреплено</strong> {formatDateTime(h.detachedAt)}
                {h.detachedBy ? ` — ${h.detachedBy}` : ""}
              </>
            )}
          </li>
        ))}
      </ul>
      {mergedFrom.length > 0 && (
        <p className="mt-2 text-sm">
          Присоединены проблемы:{" "}
          {mergedFrom.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ", "}
              <Link href={`/problems/${p.id}`} className="text-brand-700 underline">
                № {p.id}
              </Link>
            </span>
          ))}
        </p>
      )}
    </>
  );
}
