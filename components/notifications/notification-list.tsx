import { AppLink as Link } from "@/components/ui/app-link";
import { formatDateTime } from "@/lib/format";
import type { listNotifications } from "@/lib/notifications/list-notifications";
import { MarkReadButton } from "./mark-read-button";
import { Card } from "@/components/ui/card";

type Row = Awaited<ReturnType<typeof listNotifications>>["data"][number];

export function NotificationList({ rows }: { rows: Row[] }) {
  if (rows.length === 0)
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">Уведомлений нет.</p>
    );
  return (
    <Card as="ul" padding="none" className="divide-y divide-slate-200" data-testid="notifications">
      {rows.map((n) => (
        <li key={n.id} className={`flex flex-wrap items-start gap-3 p-3 ${n.readAt ? "" : "bg-brand-50"}`}>
          <div className="min-w-0 flex-1">
            <p className={n.readAt ? "" : "font-semibold"}>
              {!n.readAt && <span className="sr-only">Новое: </span>}
              {n.messageId ? (
                <Link className="text-brand-700 underline" href={`/messages/${n.messageId}`}>
                  {n.title}
                </Link>
              ) : (
                n.title
              )}
            </p>
            {n.body && <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{n.body}</p>}
            <p className="mt-1 text-xs text-slate-700">{formatDateTime(n.createdAt)}</p>
          </div>
          {!n.readAt && <MarkReadButton ids={[n.id]} label="Прочитано" srLabel={`Отметить прочитанным: ${n.title}`} />}
        </li>
      ))}
    </Card>
  );
}
