import type { Metadata } from "next";
import { AppLink as Link } from "@/components/ui/app-link";
import { requirePage } from "@/lib/auth/session";
import { adminOverviewCounts } from "@/lib/admin/directory";
import { StatCard } from "@/components/ui/stat-card";
import { CalendarWarning } from "@/components/routing/calendar-warning";

export const metadata: Metadata = { title: "Администрирование" };

export default async function AdminPage() {
  await requirePage("/admin");
  const { users, blocks, topics, quarantined } = await adminOverviewCounts();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Администрирование</h1>
      <CalendarWarning />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Link href="/admin/users">
          <StatCard label="Пользователи" value={users} />
        </Link>
        <Link href="/admin/blocks">
          <StatCard label="Блоки" value={blocks} />
        </Link>
        <Link href="/admin/topics">
          <StatCard label="Темы" value={topics} />
        </Link>
        <StatCard label="В карантине" value={quarantined} tone={quarantined ? "amber" : "slate"} />
      </div>
    </>
  );
}
