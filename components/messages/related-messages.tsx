import { AppLink as Link } from "@/components/ui/app-link";
import type { RelatedMessage } from "@/lib/messages/related";
import { CHANNEL_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";
import { DuplicateButton } from "./duplicate-button";

export function RelatedMessages({
  messageId,
  related,
  canMarkDuplicate,
}: {
  messageId: number;
  related: RelatedMessage[];
  canMarkDuplicate: boolean;
}) {
  if (related.length === 0)
    return <p className="text-sm text-slate-700">Похожих сообщений по этой теме за четыре недели нет.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="related">
      {related.map((r) => (
        <li key={r.id} className="flex flex-wrap items-start gap-3 border-b border-slate-100 pb-2">
          <div className="min-w-0 flex-1">
            <Link href={`/messages/${r.id}`} className="font-medium text-brand-700 underline">
              № {r.id}
            </Link>{" "}
            <span className="text-slate-700">
              {CHANNEL_LABELS[r.channel]} · {STATUS_LABELS[r.status]} · {formatDateTime(r.registeredAt)}
            </span>
            {r.sameLocality && (
              <span className="ml-2 rounded bg-amber-50 px-1 text-xs text-amber-900">тот же населённый пункт</span>
            )}
            <span className="ml-2 text-xs text-slate-600">сходство текста {Math.round(r.similarity * 100)} %</span>
            <p className="line-clamp-2 text-slate-800">{r.preview}</p>
          </div>
          {canMarkDuplicate && <DuplicateButton messageId={messageId} originalId={r.id} />}
        </li>
      ))}
    </ul>
  );
}
