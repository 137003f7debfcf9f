// The dashboard's queries, one function per figure group (the benchmark times each). Period
// figures, the median time to answer included, read the rollup (lib/analytics/dashboard-rollup.ts);
// "overdue now" reads messages live. Callers check the role (lib/analytics/dashboard.ts).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LocalDate } from "@/lib/deadlines/time";
import type { DashboardPeriod, Dimension } from "./dashboard-period";
import type { Figures } from "./dashboard-types";
import { overdueNowSql } from "./measures";

const sql = Prisma.sql;

const SUMS = sql`
  coalesce(sum(r.messages), 0)::int AS messages, coalesce(sum(r.rated), 0)::int AS rated,
  coalesce(sum(r.satisfied), 0)::int AS satisfied, coalesce(sum(r.rating_sum), 0)::int AS "ratingSum",
  coalesce(sum(r.rating_count), 0)::int AS "ratingCount", coalesce(sum(r.answered), 0)::int AS answered,
  coalesce(sum(r.on_time_base), 0)::int AS "onTimeBase", coalesce(sum(r.on_time), 0)::int AS "onTime",
  coalesce(sum(r.reopened), 0)::int AS reopened, coalesce(sum(r.call_needed), 0)::int AS "callNeeded",
  coalesce(sum(r.called), 0)::int AS called`;

export const ZERO_FIGURES: Figures = {
  messages: 0,
  rated: 0,
  satisfied: 0,
  ratingSum: 0,
  ratingCount: 0,
  answered: 0,
  onTimeBase: 0,
  onTime: 0,
  reopened: 0,
  callNeeded: 0,
  called: 0,
};

function figuresOf(r: Figures): Figures {
  return {
    messages: r.messages,
    rated: r.rated,
    satisfied: r.satisfied,
    ratingSum: r.ratingSum,
    ratingCount: r.ratingCount,
    answered: r.answered,
    onTimeBase: r.onTimeBase,
    onTime: r.onTime,
    reopened: r.reopened,
    callNeeded: r.callNeeded,
    called: r.called,
  };
}

type Span = Pick<DashboardPeriod, "from" | "to" | "prevFrom" | "prevTo">;
const DIM_COL: Record<Dimension, Prisma.Sql> = {
  topic: sql`r.topic_id::text`,
  block: sql`r.block_id::text`,
  channel: sql`r.channel::text`,
};

/** Period totals, current and previous, in one pass over the rollup. */
export async function rollupTotals(p: Span): Promise<{ cur: Figures; prev: Figures }> {
  const rows = await db().$queryRaw<(Figures & { cur: boolean })[]>`
    SELECT (r.day >= ${p.from}::date) AS cur, ${SUMS}
    FROM dashboard_daily r WHERE r.day BETWEEN ${p.prevFrom}::date AND ${p.to}::date
    GROUP BY 1`;
  const cur = rows.find((r) => r.cur);
  const prev = rows.find((r) => !r.cur);
  return { cur: cur ? figuresOf(cur) : ZERO_FIGURES, prev: prev ? figuresOf(prev) : ZERO_FIGURES };
}

/** Figures per day and dimension value over from–to (bucketed into weeks/months by the caller). */
export async function rollupByDay(
  from: LocalDate,
  to: LocalDate,
  dim: Dimension,
): Promise<(Figures & { day: string; key: string })[]> {
  return db().$queryRaw`
    SELECT to_char(r.day, 'YYYY-MM-DD') AS day, ${DIM_COL[dim]} AS key, ${SUMS}
    FROM dashboard_daily r WHERE r.day BETWEEN ${from}::date AND ${to}::date
    GROUP BY r.day, 2 ORDER BY r.day`;
}

/** Figures per dimension value, current and previous period. */
export async function rollupByDim(p: Span, dim: Dimension): Promise<{ key: string; cur: Figures; prev: Figures }[]> {
  const rows = await db().$queryRaw<(Figures & { key: string; cur: boolean })[]>`
    SELECT ${DIM_COL[dim]} AS key, (r.day >= ${p.from}::date) AS cur, ${SUMS}
    FROM dashboard_daily r WHERE r.day BETWEEN ${p.prevFrom}::date AND ${p.to}::date
    GROUP BY 1, 2`;
  const out = new Map<string, { key: string; cur: Figures; prev: Figures }>();
  for (const r of rows) {
    const e = out.get(r.key) ?? { key: r.key, cur: ZERO_FIGURES, prev: ZERO_FIGURES };
    if (r.cur) e.cur = figuresOf(r);
    else e.prev = figuresOf(r);
    out.set(r.key, e);
  }
  return [...out.values()];
}

export type CuratorCalls = {
  userId: number;
  name: string;
  cur: { callNeeded: number; called: number };
  prev: { callNeeded: number; called: number };
};

/** Curators' call completion: ПОС answers that needed a call in the blocks each curator curates
 * (the queue's `curator` filter means the same blocks). */
export async function callsByCurator(p: Span): Promise<CuratorCalls[]> {
  const rows = await db().$queryRaw<
    {
      user_id: number;
      name: string;
      cur_needed: number;
      cur_called: number;
      prev_needed: number;
      prev_called: number;
    }[]
  >`
    SELECT u.id AS user_id, u.full_name AS name,
           coalesce(sum(r.call_needed) FILTER (WHERE r.day >= ${p.from}::date), 0)::int AS cur_needed,
           coalesce(sum(r.called) FILTER (WHERE r.day >= ${p.from}::date), 0)::int AS cur_called,
           coalesce(sum(r.call_needed) FILTER (WHERE r.day < ${p.from}::date), 0)::int AS prev_needed,
           coalesce(sum(r.called) FILTER (WHERE r.day < ${p.from}::date), 0)::int AS prev_called
    FROM users u
    JOIN block_curators bc ON bc.user_id = u.id
    LEFT JOIN dashboard_daily r ON r.block_id = bc.block_id AND r.day BETWEEN ${p.prevFrom}::date AND ${p.to}::date
    WHERE u.role = 'block_curator' AND u.active
    GROUP BY u.id, u.full_name
    ORDER BY u.full_name`;
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    cur: { callNeeded: r.cur_needed, called: r.cur_called },
    prev: { callNeeded: r.prev_needed, called: r.prev_called },
  }));
}

/** Open messages past their deadline right now, per block (live: it changes by the minute). */
export async function overdueByBlock(now: Date): Promise<{ blockId: number | null; n: number }[]> {
  return db().$queryRaw`
    SELECT m.block_id AS "blockId", count(*)::int AS n FROM messages m WHERE ${overdueNowSql(now)} GROUP BY 1`;
}

/** Median hours from registration to the answer over answered messages registered in from–to,
 * exactly as percentile_cont(0.5) over messages gives it (AGG.medianAnswerHours), read from the
 * rollup: the hourly histogram finds the hour holding the middle rank(s), and only that hour's
 * answer times are read and ordered. */
export async function medianAnswerHoursOver(from: LocalDate, to: LocalDate): Promise<number | null> {
  const hist = await db().$queryRaw<{ hour: number; n: number }[]>`
    SELECT hour, sum(answered)::int AS n FROM dashboard_answer_hours
    WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY hour ORDER BY hour`;
  const total = hist.reduce((s, h) => s + h.n, 0);
  if (total === 0) return null;
  const pos = (total - 1) / 2;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const locate = (rank: number) => {
    let before = 0;
    for (const h of hist) {
      if (rank < before + h.n) return { hour: h.hour, offset: rank - before };
      before += h.n;
    }
    throw new Error("median: rank outside the histogram");
  };
  const valuesFrom = (hour: number, offset: number, limit: number) => db().$queryRaw<{ hours: number }[]>`
    SELECT t.hours FROM dashboard_answer_times t
    WHERE t.hours >= ${hour}::float8 AND t.hours < ${hour + 1}::float8 AND t.day BETWEEN ${from}::date AND ${to}::date
    ORDER BY t.hours OFFSET ${offset} LIMIT ${limit}`;
  const a = locate(lo);
  const b = locate(hi);
  const first = await valuesFrom(a.hour, a.offset, b.hour === a.hour ? 2 : 1);
  const vLo = first[0].hours;
  const vHi = hi === lo ? vLo : b.hour === a.hour ? first[1].hours : (await valuesFrom(b.hour, b.offset, 1))[0].hours;
  return vLo + (vHi - vLo) * (pos - lo);
}

/** The median time to answer of the period and of the previous period. */
export async function medianAnswerHours(p: Span): Promise<{ cur: number | null; prev: number | null }> {
  const [cur, prev] = await Promise.all([
    medianAnswerHoursOver(p.from, p.to),
    medianAnswerHoursOver(p.prevFrom, p.prevTo),
  ]);
  return { cur, prev };
}

export type DimRef = { id: string; code: string; label: string; sortOrder: number };

/** Topics, blocks and channels with their codes (the queue filters by code) and Russian labels. */
export async function dimensionRefs(): Promise<{ topic: DimRef[]; block: DimRef[] }> {
  const [topics, blocks] = await Promise.all([
    db().topic.findMany({ select: { id: true, code: true, name: true, sortOrder: true } }),
    db().block.findMany({ select: { id: true, code: true, shortName: true, sortOrder: true } }),
  ]);
  return {
    topic: topics.map((t) => ({ id: String(t.id), code: t.code, label: t.name, sortOrder: t.sortOrder })),
    block: blocks.map((b) => ({ id: String(b.id), code: b.code, label: b.shortName, sortOrder: b.sortOrder })),
  };
}
