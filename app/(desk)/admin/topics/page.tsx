import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { listTopics } from "@/lib/admin/directory";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Темы" };

export default async function TopicsPage() {
  await requireRole("mcu_head");
  const topics = await listTopics();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Темы обращений</h1>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Темы и блоки, которым они направляются</caption>
          <thead className="bg-slate-100"><tr>
            <th scope="col" className="px-3 py-2">Код</th><th scope="col" className="px-3 py-2">Тема</th>
            <th scope="col" className="px-3 py-2">Блок по умолчанию</th><th scope="col" className="px-3 py-2">Категорий ПОС</th>
            <th scope="col" className="px-3 py-2">Сообщений</th>
          </tr></thead>
          <tbody>
            {topics.map((t) => (
              <tr key={t.id} className="border-t border-slate-200">
                <td className="px-3 py-2 font-mono">{t.code}</td>
                <td className="px-3 py-2">{t.name}</td>
                <td className="px-3 py-2">{t.block.shortName}</td>
                <td className="px-3 py-2">{formatNumber(t._count.categoryMap)}</td>
                <td className="px-3 py-2">{formatNumber(t._count.messages)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
