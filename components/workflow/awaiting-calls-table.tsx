import { AppLink as Link } from "@/components/ui/app-link";
import { formatDateTime } from "@/lib/format";
import type { AwaitingCall } from "@/lib/workflow/list-awaiting-calls";
import { DeadlineBadge } from "@/components/messages/deadline-badge";
import { CALL_OUTCOME_LABELS } from "./labels";

export function AwaitingCallsTable({ rows }: { rows: AwaitingCall[] }) {
  if (rows.length === 0) return <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">Одобренных ответов, ждущих звонка, нет.</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="awaiting-calls">
        <caption className="sr-only">Одобренные ответы по ПОС, ждущие звонка заявителю</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2">№</th>
            <th scope="col" className="px-3 py-2">Сообщение</th>
            <th scope="col" className="px-3 py-2">Блок</th>
            <th scope="col" className="px-3 py-2">Ответ одобрен</th>
            <th scope="col" className="px-3 py-2">Звонки</th>
            <th scope="col" className="px-3 py-2">Срок</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200 align-top hover:bg-brand-50">
              <td className="px-3 py-2"><Link className="font-medium text-brand-700 underline" href={`/messages/${r.id}`}>{r.id}</Link></td>
              <td className="max-w-md px-3 py-2"><span className="line-clamp-2">{r.preview}</span>{r.locality && <span className="text-xs text-slate-600">{r.locality}</span>}</td>
              <td className="px-3 py-2">{r.block ?? "—"}</td>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.approvedAt)}</td>
              <td className="px-3 py-2">
                {r.attempts === 0 ? "ещё не звонили" : `${r.attempts}: ${r.lastOutcome ? CALL_OUTCOME_LABELS[r.lastOutcome] : ""}`}
                {r.nextAttemptAt && <><br /><span className="text-xs text-slate-700">следующая: {formatDateTime(r.nextAttemptAt)}</span></>}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.dueAt)}<br /><DeadlineBadge state={r.deadlineState} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
