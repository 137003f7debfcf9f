import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { blockDeadlineStats } from "@/lib/analytics/block-stats";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { MessageListView } from "@/components/messages/message-list-view";
import { formatNumber } from "@/lib/format";
import { Table, THead, Th, Td } from "@/components/ui/table";

export const metadata: Metadata = { title: "Курируемые блоки" };

export default async function CuratorPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePage("/curator");
  const stats = await blockDeadlineStats(user.curatedBlockIds);
  const params = flatParams(await searchParams);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Курируемые блоки</h1>
      {stats.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          За вами не закреплено ни одного блока.
        </p>
      ) : (
        <Table frameClassName="mb-6" caption="Сроки по курируемым блокам">
          <THead>
            <tr>
              <Th>Блок</Th>
              <Th>В работе</Th>
              <Th>Под угрозой срыва</Th>
              <Th>Просрочено</Th>
            </tr>
          </THead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.blockId} className="border-t border-slate-200">
                <Td>{s.name}</Td>
                <Td>{formatNumber(s.open)}</Td>
                <Td className="text-amber-900">{formatNumber(s.atRisk)}</Td>
                <Td className="text-red-800">{formatNumber(s.overdue)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2 className="mb-2 text-lg font-semibold">Сообщения курируемых блоков</h2>
      <MessageListView
        user={user}
        basePath="/curator"
        params={params}
        defaultSort="due_asc"
        caption="Сообщения курируемых блоков"
      />
    </>
  );
}
