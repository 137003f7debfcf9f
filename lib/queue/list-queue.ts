import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { deadlineStateOf, type DeadlineStateCode } from "@/lib/messages/deadline";
import type { ChannelCodeT, StatusCode } from "@/lib/messages/labels";
import { assertCan } from "@/lib/auth/guards";
import { previewFor } from "@/lib/privacy/viewer";
import {
  COUNT_CAP,
  DEFAULT_PER_PAGE,
  parseQueueParams,
  serializeQueueParams,
  sortDir,
  type QueueParams,
} from "./params";
import { ttlMemo } from "@/lib/cache/ttl-memo";

const cappedCounts = ttlMemo("queueCappedCounts", 2_000);
import { SEARCH_WINDOW, searchWindowCutoff } from "./search-window";
import { messageNumberOf, queueWhere } from "./where";

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
  /** false when more than the cap (COUNT_CAP, or SEARCH_COUNT_CAP for a text search) matched and
   * counting stopped there. */
  countExact: boolean;
  params: QueueParams;
};

/** Counting every match of a common word would read tens of thousands of rows; beyond this the
 * page says «более 10 000». */
export { COUNT_CAP };
/** A text search counts its matches up to here: a common word matches tens of thousands of
 * messages, and gathering them all from the full-text index and the table costs more than the page
 * («более 1 000 — уточните поиск» says what is needed). */
export const SEARCH_COUNT_CAP = 1_000;

type Raw = {
  id: number;
  channel: ChannelCodeT;
  status: StatusCode;
  title: string | null;
  preview: string;
  locality: string | null;
  registered_at: Date;
  due_at: Date | null;
  at_risk_at: Date | null;
  needs_review: boolean;
  topic: string | null;
  block: string | null;
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

function pageRows(p: QueueParams, where: Prisma.Sql, offset: number): Promise<Raw[]> {
  return db().$queryRaw<Raw[]>`
    SELECT x.id, x.channel::text AS channel, x.status::text AS status, x.title, x.preview, x.locality, x.registered_at, x.due_at,
           x.at_risk_at, x.needs_review, t.name AS topic, b.short_name AS block
    FROM (
      SELECT m.id, m.channel, m.status, m.title, left(m.text_clean, 260) AS preview, m.locality, m.registered_at, m.due_at,
             m.at_risk_at, m.needs_review, m.topic_id, m.block_id
      FROM messages m WHERE ${where}
      ORDER BY ${orderSql(p, "m")} LIMIT ${p.perPage} OFFSET ${offset}
    ) x
    LEFT JOIN topics t ON t.id = x.topic_id
    LEFT JOIN blocks b ON b.id = x.block_id
    ORDER BY ${orderSql(p, "x")}`;
}

/** The page among the newest k messages (null when there are fewer than k). */
function windowRows(p: QueueParams, where: Prisma.Sql, k: number, offset: number): Promise<Raw[] | null> {
  return searchWindowCutoff(k).then((cutoff) =>
    cutoff ? pageRows(p, Prisma.sql`${where} AND m.registered_at >= ${cutoff}`, offset) : null,
  );
}

/**
 * The coordinator's queue: filters, preset, full-text search, sort and page from the URL. The
 * page of ids is chosen on messages alone (so an index on the sort column can stop after 50 rows)
 * and only then joined to topics and blocks.
 *
 * A text search sorted newest first looks at the newest messages first, in two steps. It walks
 * the newest SEARCH_WINDOW / 10 in time order, testing each, and stops when the page is full: a
 * common word fills it there in a few milliseconds, where the full-text index would first gather
 * all of its tens of thousands of matches. Then the newest SEARCH_WINDOW through the index, where
 * the planner, which cannot see how correlated the words of a query are, might otherwise fetch
 * and sort every match. Only when neither window can prove the page complete does the search run
 * over all messages. `opts.searchWindow` (0 = off) is for tests.
 */
export async function listQueue(
  user: CurrentUser,
  raw: Record<string, unknown>,
  now = new Date(),
  opts: { searchWindow?: number } = {},
): Promise<QueueResult> {
  assertCan(user, "queue.read");
  const p = parseQueueParams(raw);
  const where = queueWhere(user, p, now);
  const offset = (p.page - 1) * p.perPage;
  const textSearch = p.q !== undefined && messageNumberOf(p.q) === null;
  const cap = textSearch ? SEARCH_COUNT_CAP : COUNT_CAP;
  const countSql = Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM messages m WHERE ${where} LIMIT ${cap + 1}) s`;
  // «более 10 000» stays true for a while: a count that reached the cap is reused for two seconds
  // by every page of the same view in this process (an exact count is always taken afresh).
  const countKey = `${user.role}:${user.blockId}:${user.curatedBlockIds.join(",")}:${cap}:${serializeQueueParams({ ...p, page: 1, sort: "registered", dir: undefined, perPage: DEFAULT_PER_PAGE })}`;
  const cappedCount = cappedCounts.peek<number>(countKey);
  const k = opts.searchWindow ?? SEARCH_WINDOW;
  const windowed = textSearch && k > 0 && p.sort === "registered" && sortDir(p) === "desc";
  const [n, first] = await Promise.all([
    cappedCount ??
      db()
        .$queryRaw<{ n: number }[]>(countSql)
        .then(([r]) => {
          if (r.n > cap) cappedCounts.set(countKey, r.n);
          return r.n;
        }),
    windowed
      ? windowRows(p, queueWhere(user, p, now, { textByScan: true }), Math.max(1, Math.floor(k / 10)), offset)
      : pageRows(p, where, offset),
  ]);
  // A window's page is the true page when it is full, or when the exact count shows that no match
  // lies beyond it.
  const complete = (r: Raw[] | null): r is Raw[] =>
    !!r &&
    (!windowed || r.length === p.perPage || (n <= cap && r.length === Math.max(0, Math.min(p.perPage, n - offset))));
  let rows = first;
  if (!complete(rows)) rows = windowed ? await windowRows(p, where, k, offset) : null;
  if (!complete(rows)) rows = await pageRows(p, where, offset);
  const countExact = n <= cap;
  const count = countExact ? n : cap;
  return {
    data: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      status: r.status,
      preview: previewFor(user, r.title, r.preview, 220),
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
