import { AppLink as Link } from "@/components/ui/app-link";
import type { ProblemRow } from "@/lib/problems/list-problems";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { PROBLEM_STATUS_LABELS } from "@/lib/problems/labels";
import { formatDateTime, formatNumber } from "@/lib/format";
import { Badge } from "@/components/ui/badge";

const STATUS_TONE = { open: "amber", in_work: "blue", resolved: "green", dismissed: "slate" } as const;

export function ProblemTable({ rows }: { rows: ProblemRow[] }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="problem-table">
        <caption className="sr-only">Комплексные проблемы</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">Проблема</th>
            <th scope="col" className="px-3 py-2">Тема</th>
            <th scope="col" className="px-3 py-2">Населённый пункт</th>
            <th scope="col" className="px-3 py-2 text-right">Сообщений</th>
            <th scope="col" className="px-3 py-2 text-right">Жителей</th>
            <th scope="col" className="px-3 py-2">Каналы</th>
            <th scope="col" className="px-3 py-2">Блоки</th>
            <th scope="col" className="px-3 py-2">Статус</th>
            <th scope="col" className="px-3 py-2">Последняя активность</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className="border-t border-slate-100 align-top" data-testid="problem-row">
              <td className="px-3 py-2">
                <Link href={`/problems/${p.id}`} className="font-medium text-brand-700 underline">№ {p.id}. {p.title}</Link>
                {p.address && <span className="block text-xs text-slate-700">{p.address}</span>}
              </td>
              <td className="px-3 py-2">{p.topic ?? "—"}</td>
              <td className="px-3 py-2">{p.locality ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(p.messages)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(p.residents)}</td>
              <td className="px-3 py-2">{p.channels.map((c) => CHANNEL_LABELS[c]).join(", ") || "—"}</td>
              <td className="px-3 py-2">{p.blocks.join(", ") || "—"}</td>
              <td className="px-3 py-2">
                {p.mergedIntoId ? <Badge>Объединена с № {p.mergedIntoId}</Badge> : <Badge tone={STATUS_TONE[p.status]}>{PROBLEM_STATUS_LABELS[p.status]}</Badge>}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(p.lastActivity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
