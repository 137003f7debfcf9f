import { STATUS_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";
import type { MessageDetails } from "@/lib/messages/get-message";

const KIND_LABELS: Record<string, string> = {
  created: "Поступило",
  status_change: "Смена статуса",
  edited: "Изменён текст в источнике",
  topic_change: "Изменена тема",
  block_change: "Изменён блок",
  note: "Комментарий",
};

export function HistoryTimeline({ events }: { events: MessageDetails["events"] }) {
  if (events.length === 0) return <p className="text-slate-700">Событий пока нет.</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="history">
      {events.map((e) => (
        <li key={e.id} className="border-l-2 border-brand-600 pl-3">
          <div className="font-medium">
            {KIND_LABELS[e.kind] ?? e.kind}
            {e.toStatus && `: ${e.fromStatus ? `${STATUS_LABELS[e.fromStatus]} → ` : ""}${STATUS_LABELS[e.toStatus]}`}
          </div>
          <div className="text-slate-700">
            {formatDateTime(e.createdAt)} · {e.actor?.fullName ?? "Система"}
          </div>
          {e.reason && <div>{e.reason}</div>}
        </li>
      ))}
    </ol>
  );
}
