import { AppLink as Link } from "@/components/ui/app-link";
import type { MessageRow } from "@/lib/messages/list-messages";
import { CHANNEL_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { DeadlineBadge } from "./deadline-badge";
import { Table, THead, Th, Td, Tr } from "@/components/ui/table";

export function MessageTable({ rows, caption }: { rows: MessageRow[]; caption: string }) {
  if (rows.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
        Сообщений нет.
      </p>
    );
  }
  return (
    <Table caption={caption}>
      <THead className="text-slate-800">
        <tr>
          <Th>№</Th>
          <Th>Канал</Th>
          <Th>Сообщение</Th>
          <Th>Тема / блок</Th>
          <Th>Статус</Th>
          <Th>Поступило</Th>
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
            <Td className="whitespace-nowrap">{CHANNEL_LABELS[r.channel]}</Td>
            <Td className="max-w-md">
              <span className="line-clamp-2">{r.preview}</span>
              {r.locality && <span className="text-xs text-slate-600">{r.locality}</span>}
            </Td>
            <Td>
              {r.topic ?? "—"}
              <br />
              <span className="text-xs text-slate-600">{r.block ?? "блок не назначен"}</span>
            </Td>
            <Td>
              <Badge tone="blue">{STATUS_LABELS[r.status]}</Badge>
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(r.registeredAt)}</Td>
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
