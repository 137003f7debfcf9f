import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { deadlineStateOf, type DeadlineStateCode } from "@/lib/messages/deadline";
import type { ChannelCodeT, StatusCode } from "@/lib/messages/labels";
import { assertRole } from "@/lib/workflow/guards";
import { COUNT_CAP, parseQueueParams, sortDir, type QueueParams } from "./params";
import { queueWhere } from "./where";

export type QueueRow = {
  id: number;
  channel: ChannelCodeT;
  status: StatusCode;
  preview: string;
  locality: string | null;
  topic: string | null;
  block: string | null;
  registeredAt: string;
  dueAt: string | null;
  deadlineState: DeadlineStateCode;
  needsReview: boolean;
};

export type QueueResult = {
  data: QueueRow[];
  count: number;
  page: number;
  perPage: number;
  totalPages: number;
  /** false when more than COUNT_CAP messages matched and counting stopped there. */
  countExact: boolean;
  params: QueueParams;
};

/** Counting every match of a common word would read tens of thousands of rows; beyond this the
 * page says «более 10 000». */
export { COUNT_CAP };

type Raw = {
  id: number; channel: ChannelCodeT; status: StatusCode; title: string | null; preview: string; locality: string | null;
  registered_at: Date; due_at: Date | null; at_risk_at: Date | null; needs_review: boolean; topic: string | null; block: string | null;
};

function orderSql(p: QueueParams, alias: "m" | "x"): Prisma.Sql {
  const desc = sortDir(p) === "desc";
  const d = Prisma.raw(desc ? "DESC" : "ASC");
  const a = Prisma.raw(alias);
  switch (p.sort) {
    case "id":
      return Prisma.sql`${a}.id ${d}`;
    case "due":
      return Prisma.sql`${a}.due_at ${d} NULLS LAST, ${a}.id ${d}`;
    default:
      return Prisma.sql`${a}.registered_at ${d}, ${a}.id ${d}`;
  }
}

/**
 * The coordinator's queue: filters, preset, full-text search, sort and page from the URL. The
 * page of ids is chosen on messages alone (so an index on the sort column can stop after 50 rows)
 * and only then joined to topics and blocks.
 */
export async function listQueue(user: CurrentUser, raw: Record<string, unknown>, now = new Date()): Promise<QueueResult> {
  assertRole(user, "coordinator", "mcu_head", "mcu_curator");
  const p = parseQueueParams(raw);
  const where = queueWhere(user, p, now);
  const offset = (p.page - 1) * p.perPage;
  const countSql = Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM messages m WHERE ${where} LIMIT ${COUNT_CAP + 1}) s`;
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<Raw[]>`
      SELECT x.id, x.channel::text AS channel, x.status::text AS status, x.title, x.preview, x.locality, x.registered_at, x.due_at,
             x.at_risk_at, x.needs_review, t.name AS topic, b.short_name AS block
      FROM (
        SELECT m.id, m.channel, m.status, m.title, left(m.text_clean, 220) AS preview, m.locality, m.registered_at, m.due_at,
               m.at_risk_at, m.needs_review, m.topic_id, m.block_id
        FROM messages m WHERE ${where}
        ORDER BY ${orderSql(p, "m")} LIMIT ${p.perPage} OFFSET ${offset}
      ) x
      LEFT JOIN topics t ON t.id = x.topic_id
      LEFT JOIN blocks b ON b.id = x.block_id
      ORDER BY ${orderSql(p, "x")}`,
    db().$queryRaw<{ n: number }[]>(countSql),
  ]);
  const countExact = n <= COUNT_CAP;
  const count = countExact ? n : COUNT_CAP;
  return {
    data: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      status: r.status,
      preview: (r.title ? `${r.title}. ` : "") + r.preview,
      locality: r.locality,
      topic: r.topic,
      block: r.block,
      registeredAt: r.registered_at.toISOString(),
      dueAt: r.due_at?.toISOString() ?? null,
      deadlineState: deadlineStateOf({ status: r.status, dueAt: r.due_at, atRiskAt: r.at_risk_at }, now),
      needsReview: r.needs_review,
    })),
    count,
    page: p.page,
    perPage: p.perPage,
    totalPages: Math.max(1, Math.ceil(count / p.perPage)),
    countExact,
    params: p,
  };
}
