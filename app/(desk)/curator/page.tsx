import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { blockDeadlineStats } from "@/lib/analytics/block-stats";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { MessageListView } from "@/components/messages/message-list-view";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Курируемые блоки" };

export default async function CuratorPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireRole("block_curator");
  const stats = await blockDeadlineStats(user.curatedBlockIds);
  const params = flatParams(await searchParams);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Курируемые блоки</h1>
      {stats.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">За вами не закреплено ни одного блока.</p>
      ) : (
        <div className="mb-6 overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Сроки по курируемым блокам</caption>
            <thead className="bg-slate-100"><tr>
              <th scope="col" className="px-3 py-2">Блок</th><th scope="col" className="px-3 py-2">В работе</th>
              <th scope="col" className="px-3 py-2">Под угрозой срыва</th><th scope="col" className="px-3 py-2">Просрочено</th>
            </tr></thead>
            <tbody>
              {stats.map((s) => (
                <tr key={s.blockId} className="border-t border-slate-200">
                  <td className="px-3 py-2">{s.name}</td>
                  <td className="px-3 py-2">{formatNumber(s.open)}</td>
                  <td className="px-3 py-2 text-amber-900">{formatNumber(s.atRisk)}</td>
                  <td className="px-3 py-2 text-red-800">{formatNumber(s.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 className="mb-2 text-lg font-semibold">Сообщения курируемых блоков</h2>
      <MessageListView user={user} basePath="/curator" params={params} defaultSort="due_asc" caption="Сообщения курируемых блоков" />
    </>
  );
}
