import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listBlocks } from "@/lib/admin/directory";
import { formatNumber } from "@/lib/format";
import { Table, THead, Th, Td, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Блоки" };

export default async function BlocksPage() {
  await requirePage("/admin/blocks");
  const blocks = await listBlocks();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Отраслевые блоки</h1>
      <Table caption="Блоки, их темы, руководители и кураторы">
        <THead>
          <tr>
            <Th>Код</Th>
            <Th>Блок</Th>
            <Th>Темы</Th>
            <Th>Руководитель</Th>
            <Th>Куратор</Th>
            <Th>Сообщений</Th>
          </tr>
        </THead>
        <tbody>
          {blocks.map((b) => (
            <Tr key={b.id}>
              <Td className="font-mono">{b.code}</Td>
              <Td>{b.name}</Td>
              <Td>{b.topics.map((t) => t.name).join(", ") || "—"}</Td>
              <Td>{b.members.map((m) => m.fullName).join(", ") || "—"}</Td>
              <Td>{b.curators.map((c) => c.user.fullName).join(", ") || "—"}</Td>
              <Td>{formatNumber(b._count.messages)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
