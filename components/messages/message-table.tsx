import { AppLink as Link } from "@/components/ui/app-link";
import type { MessageRow } from "@/lib/messages/list-messages";
import { CHANNEL_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { DeadlineBadge } from "./deadline-badge";

export function MessageTable({ rows, caption }: { rows: MessageRow[]; caption: string }) {
  if (rows.length === 0) {
    return <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">Сообщений нет.</p>;
  }
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2">№</th>
            <th scope="col" className="px-3 py-2">Канал</th>
            <th scope="col" className="px-3 py-2">Сообщение</th>
            <th scope="col" className="px-3 py-2">Тема / блок</th>
            <th scope="col" className="px-3 py-2">Статус</th>
            <th scope="col" className="px-3 py-2">Поступило</th>
            <th scope="col" className="px-3 py-2">Срок</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200 align-top hover:bg-brand-50">
              <td className="px-3 py-2"><Link className="font-medium text-brand-700 underline" href={`/messages/${r.id}`}>{r.id}</Link></td>
              <td className="whitespace-nowrap px-3 py-2">{CHANNEL_LABELS[r.channel]}</td>
              <td className="max-w-md px-3 py-2">
                <span className="line-clamp-2">{r.preview}</span>
                {r.locality && <span className="text-xs text-slate-600">{r.locality}</span>}
              </td>
              <td className="px-3 py-2">{r.topic ?? "—"}<br /><span className="text-xs text-slate-600">{r.block ?? "блок не назначен"}</span></td>
              <td className="px-3 py-2"><Badge tone="blue">{STATUS_LABELS[r.status]}</Badge></td>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.registeredAt)}</td>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.dueAt)}<br /><DeadlineBadge state={r.deadlineState} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
