import { AppLink as Link } from "@/components/ui/app-link";
import { formatDateTime } from "@/lib/format";
import type { AwaitingCall } from "@/lib/workflow/list-awaiting-calls";
import { DeadlineBadge } from "@/components/messages/deadline-badge";
import { CALL_OUTCOME_LABELS } from "./labels";
import { Table, THead, Th, Td, Tr } from "@/components/ui/table";

export function AwaitingCallsTable({ rows }: { rows: AwaitingCall[] }) {
  if (rows.length === 0)
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
        Одобренных ответов, ждущих звонка, нет.
      </p>
    );
  return (
    <Table data-testid="awaiting-calls" caption="Одобренные ответы по ПОС, ждущие звонка заявителю">
      <THead className="text-slate-800">
        <tr>
          <Th>№</Th>
          <Th>Сообщение</Th>
          <Th>Блок</Th>
          <Th>Ответ одобрен</Th>
          <Th>Звонки</Th>
          <Th>Срок</Th>
        </tr>
      </THead>
      <tbody>
        {rows.map((r) => (
          <Tr key={r.id} className="hover:bg-brand-50">
            <Td>
              <Link className="font-medium text-brand-700 underline" href={`/messages/${r.id}`}>
                {r.id}
              </Link>
            </Td>
            <Td className="max-w-md">
              <span className="line-clamp-2">{r.preview}</span>
              {r.locality && <span className="text-xs text-slate-600">{r.locality}</span>}
            </Td>
            <Td>{r.block ?? "—"}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(r.approvedAt)}</Td>
            <Td>
              {r.attempts === 0
                ? "ещё не звонили"
                : `${r.attempts}: ${r.lastOutcome ? CALL_OUTCOME_LABELS[r.lastOutcome] : ""}`}
              {r.nextAttemptAt && (
                <>
                  <br />
                  <span className="text-xs text-slate-700">следующая: {formatDateTime(r.nextAttemptAt)}</span>
                </>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              {formatDateTime(r.dueAt)}
              <br />
              <DeadlineBadge state={r.deadlineState} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
