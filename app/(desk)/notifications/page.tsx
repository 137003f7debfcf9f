import type { Metadata } from "next";
import { AppLink as Link } from "@/components/ui/app-link";
import { requirePage } from "@/lib/auth/session";
import { listNotifications, unreadCount } from "@/lib/notifications/list-notifications";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { NotificationList } from "@/components/notifications/notification-list";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Уведомления" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePage("/notifications");
  const params = flatParams(await searchParams);
  const [r, unread] = await Promise.all([listNotifications(user, params), unreadCount(user.id)]);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Уведомления</h1>
        <nav aria-label="Фильтр уведомлений" className="flex gap-2 text-sm">
          <Link
            href="/notifications"
            aria-current={r.unreadOnly ? undefined : "page"}
            className={`rounded px-3 py-1 ${r.unreadOnly ? "underline" : "bg-brand-700 text-white"}`}
          >
            Все
          </Link>
          <Link
            href="/notifications?unread=1"
            aria-current={r.unreadOnly ? "page" : undefined}
            className={`rounded px-3 py-1 ${r.unreadOnly ? "bg-brand-700 text-white" : "underline"}`}
          >
            Непрочитанные
          </Link>
        </nav>
        {unread > 0 && (
          <div className="ml-auto">
            <MarkReadButton all label="Отметить все прочитанными" />
          </div>
        )}
      </div>
      <NotificationList rows={r.data} />
      <Pagination basePath="/notifications" params={params} page={r.page} totalPages={r.totalPages} count={r.count} />
    </>
  );
}
