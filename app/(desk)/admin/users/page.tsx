import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listBlockChoices, listUsers } from "@/lib/admin/directory";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { UserStateButtons } from "@/components/admin/user-state-buttons";
import { UserPasswordForm } from "@/components/admin/user-password-form";
import { Table, THead, Th, Td } from "@/components/ui/table";

export const metadata: Metadata = { title: "Пользователи" };

export default async function UsersPage() {
  await requirePage("/admin/users");
  const [users, blocks] = await Promise.all([listUsers(), listBlockChoices()]);
  const now = new Date();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Пользователи</h1>
      <h2 className="mb-2 text-lg font-semibold">Новая учётная запись</h2>
      <div className="mb-6">
        <UserCreateForm blocks={blocks} />
      </div>
      <Table caption="Учётные записи">
        <THead>
          <tr>
            <Th>ФИО</Th>
            <Th>Логин</Th>
            <Th>Роль</Th>
            <Th>Блок</Th>
            <Th>Состояние</Th>
            <Th>Последний вход</Th>
            <Th>Действия</Th>
          </tr>
        </THead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-200">
              <Td>{u.fullName}</Td>
              <Td className="font-mono">{u.login}</Td>
              <Td>{ROLE_LABELS[u.role]}</Td>
              <Td>{u.block?.shortName ?? (u.curatedBlocks.map((c) => c.block.shortName).join(", ") || "—")}</Td>
              <Td>
                {!u.active ? (
                  <Badge>Отключена</Badge>
                ) : u.lockedUntil && u.lockedUntil > now ? (
                  <Badge tone="red">Заблокирована до {formatDateTime(u.lockedUntil)}</Badge>
                ) : (
                  <Badge tone="green">Активна</Badge>
                )}
              </Td>
              <Td>{formatDateTime(u.lastLoginAt)}</Td>
              <Td className="space-y-1">
                <UserStateButtons
                  id={u.id}
                  name={u.fullName}
                  active={u.active}
                  locked={!!u.lockedUntil && u.lockedUntil > now}
                />
                {u.active && <UserPasswordForm id={u.id} name={u.fullName} />}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
