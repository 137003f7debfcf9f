import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listTopics } from "@/lib/admin/directory";
import { formatNumber } from "@/lib/format";
import { Table, THead, Th, Td } from "@/components/ui/table";

export const metadata: Metadata = { title: "Темы" };

export default async function TopicsPage() {
  await requirePage("/admin/topics");
  const topics = await listTopics();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Темы обращений</h1>
      <Table caption="Темы и блоки, которым они направляются">
        <THead>
          <tr>
            <Th>Код</Th>
            <Th>Тема</Th>
            <Th>Блок по умолчанию</Th>
            <Th>Категорий ПОС</Th>
            <Th>Сообщений</Th>
          </tr>
        </THead>
        <tbody>
          {topics.map((t) => (
            <tr key={t.id} className="border-t border-slate-200">
              <Td className="font-mono">{t.code}</Td>
              <Td>{t.name}</Td>
              <Td>{t.block.shortName}</Td>
              <Td>{formatNumber(t._count.categoryMap)}</Td>
              <Td>{formatNumber(t._count.messages)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
