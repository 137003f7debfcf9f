import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { listBlockChoices, listUsers } from "@/lib/admin/directory";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { UserStateButtons } from "@/components/admin/user-state-buttons";
import { UserPasswordForm } from "@/components/admin/user-password-form";

export const metadata: Metadata = { title: "Пользователи" };

export default async function UsersPage() {
  await requireRole("mcu_head");
  const [users, blocks] = await Promise.all([listUsers(), listBlockChoices()]);
  const now = new Date();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Пользователи</h1>
      <h2 className="mb-2 text-lg font-semibold">Новая учётная запись</h2>
      <div className="mb-6"><UserCreateForm blocks={blocks} /></div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Учётные записи</caption>
          <thead className="bg-slate-100"><tr>
            <th scope="col" className="px-3 py-2">ФИО</th><th scope="col" className="px-3 py-2">Логин</th>
            <th scope="col" className="px-3 py-2">Роль</th><th scope="col" className="px-3 py-2">Блок</th>
            <th scope="col" className="px-3 py-2">Состояние</th><th scope="col" className="px-3 py-2">Последний вход</th><th scope="col" className="px-3 py-2">Действия</th>
          </tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-200">
                <td className="px-3 py-2">{u.fullName}</td>
                <td className="px-3 py-2 font-mono">{u.login}</td>
                <td className="px-3 py-2">{ROLE_LABELS[u.role]}</td>
                <td className="px-3 py-2">{u.block?.shortName ?? (u.curatedBlocks.map((c) => c.block.shortName).join(", ") || "—")}</td>
                <td className="px-3 py-2">
                  {!u.active ? <Badge>Отключена</Badge> : u.lockedUntil && u.lockedUntil > now ? <Badge tone="red">Заблокирована до {formatDateTime(u.lockedUntil)}</Badge> : <Badge tone="green">Активна</Badge>}
                </td>
                <td className="px-3 py-2">{formatDateTime(u.lastLoginAt)}</td>
                <td className="space-y-1 px-3 py-2">
                  <UserStateButtons id={u.id} name={u.fullName} active={u.active} locked={!!u.lockedUntil && u.lockedUntil > now} />
                  {u.active && <UserPasswordForm id={u.id} name={u.fullName} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
