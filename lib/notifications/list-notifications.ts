import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";

const params = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  unread: z.enum(["1"]).optional().catch(undefined),
});

export const NOTIFICATIONS_PER_PAGE = 30;

/** The user's own notifications, newest first; forgiving about URL parameters. */
export async function listNotifications(user: CurrentUser, raw: Record<string, unknown>) {
  const p = params.parse(raw);
  const where = { userId: user.id, ...(p.unread ? { readAt: null } : {}) };
  const [count, data] = await Promise.all([
    db().notification.count({ where }),
    db().notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (p.page - 1) * NOTIFICATIONS_PER_PAGE,
      take: NOTIFICATIONS_PER_PAGE,
      select: { id: true, kind: true, title: true, body: true, messageId: true, readAt: true, createdAt: true },
    }),
  ]);
  return {
    data,
    count,
    page: p.page,
    perPage: NOTIFICATIONS_PER_PAGE,
    totalPages: Math.max(1, Math.ceil(count / NOTIFICATIONS_PER_PAGE)),
    unreadOnly: Boolean(p.unread),
  };
}

export async function unreadCount(userId: number): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}
