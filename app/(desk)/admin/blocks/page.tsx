import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { listBlocks } from "@/lib/admin/directory";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Блоки" };

export default async function BlocksPage() {
  await requireRole("mcu_head");
  const blocks = await listBlocks();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Отраслевые блоки</h1>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Блоки, их темы, руководители и кураторы</caption>
          <thead className="bg-slate-100"><tr>
            <th scope="col" className="px-3 py-2">Код</th><th scope="col" className="px-3 py-2">Блок</th>
            <th scope="col" className="px-3 py-2">Темы</th><th scope="col" className="px-3 py-2">Руководитель</th>
            <th scope="col" className="px-3 py-2">Куратор</th><th scope="col" className="px-3 py-2">Сообщений</th>
          </tr></thead>
          <tbody>
            {blocks.map((b) => (
              <tr key={b.id} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2 font-mono">{b.code}</td>
                <td className="px-3 py-2">{b.name}</td>
                <td className="px-3 py-2">{b.topics.map((t) => t.name).join(", ") || "—"}</td>
                <td className="px-3 py-2">{b.members.map((m) => m.fullName).join(", ") || "—"}</td>
                <td className="px-3 py-2">{b.curators.map((c) => c.user.fullName).join(", ") || "—"}</td>
                <td className="px-3 py-2">{formatNumber(b._count.messages)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
