import { AppLink as Link } from "@/components/ui/app-link";
import type { ProblemRow } from "@/lib/problems/list-problems";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { PROBLEM_STATUS_LABELS } from "@/lib/problems/labels";
import { formatDateTime, formatNumber } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Table, Th, Td } from "@/components/ui/table";

const STATUS_TONE = { open: "amber", in_work: "blue", resolved: "green", dismissed: "slate" } as const;

export function ProblemTable({ rows }: { rows: ProblemRow[] }) {
  return (
    <Table data-testid="problem-table" caption="Комплексные проблемы">
      <thead className="bg-slate-50 text-left">
        <tr>
          <Th>Проблема</Th>
          <Th>Тема</Th>
          <Th>Населённый пункт</Th>
          <Th className="text-right">Сообщений</Th>
          <Th className="text-right">Жителей</Th>
          <Th>Каналы</Th>
          <Th>Блоки</Th>
          <Th>Статус</Th>
          <Th>Последняя активность</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} className="border-t border-slate-100 align-top" data-testid="problem-row">
            <Td>
              <Link href={`/problems/${p.id}`} className="font-medium text-brand-700 underline">
                № {p.id}. {p.title}
              </Link>
              {p.address && <span className="block text-xs text-slate-700">{p.address}</span>}
            </Td>
            <Td>{p.topic ?? "—"}</Td>
            <Td>{p.locality ?? "—"}</Td>
            <Td className="text-right tabular-nums">{formatNumber(p.messages)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(p.residents)}</Td>
            <Td>{p.channels.map((c) => CHANNEL_LABELS[c]).join(", ") || "—"}</Td>
            <Td>{p.blocks.join(", ") || "—"}</Td>
            <Td>
              {p.mergedIntoId ? (
                <Badge>Объединена с № {p.mergedIntoId}</Badge>
              ) : (
                <Badge tone={STATUS_TONE[p.status]}>{PROBLEM_STATUS_LABELS[p.status]}</Badge>
              )}
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(p.lastActivity)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
