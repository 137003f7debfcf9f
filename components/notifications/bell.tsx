import { AppLink as Link } from "@/components/ui/app-link";
import { Bell } from "lucide-react";
import { unreadCount } from "@/lib/notifications/list-notifications";

/** Header bell: unread count, links to the notifications page. */
export async function NotificationBell({ userId }: { userId: number }) {
  const n = await unreadCount(userId);
  const label = n === 0 ? "Уведомления: новых нет" : `Уведомления: новых ${n}`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex items-center rounded px-2 py-1 hover:bg-white/10"
    >
      <Bell aria-hidden="true" className="h-5 w-5" />
      {n > 0 && (
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className="absolute -right-1 -top-1 min-w-5 rounded-full bg-amber-300 px-1 text-center text-xs font-semibold text-slate-900"
        >
          {n > 99 ? "99+" : n}
        </span>
      )}
    </Link>
  );
}
