// The report builder: rows and a column from whitelisted dimensions, cells from the shared
// measures (AGG in measures.ts), totals, and for each cell the queue filters that list its messages.
// User input reaches SQL only as bound parameters; dimension and measure SQL comes from the tables
// below, chosen by code after zod has checked the code.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { scopeSql } from "@/lib/queue/where";
import { addDaysLocal, MUNICIPAL_TZ, startOfLocalDay } from "@/lib/deadlines/time";
import { AGG } from "./measures";
import {
  configError,
  LOCALITY_TOP,
  MAX_ROWS,
  reportConfigSchema,
  type Dimension,
  type Measure,
  type ReportConfig,
} from "./report-config";
import { dimensionLabel, loadLabelLookups, sortKeys, type DimensionKey, type LabelLookups } from "./report-labels";
import { cellQueue, type QueueFilter } from "./report-links";
import {
  rollupCanAnswer,
  rollupDimensionSql,
  rollupFrom,
  rollupWhere,
  ROLLUP_COUNT_SQL,
  ROLLUP_MEASURE_SQL,
} from "./report-rollup";
import { ensureDashboardRollupFresh } from "./dashboard-rollup";

const sql = Prisma.sql;

const MEASURE_SQL: Record<Measure, Prisma.Sql> = {
  count: AGG.count,
  on_time: AGG.onTimeShare,
  satisfaction: AGG.satisfactionShare,
  median_hours: AGG.medianAnswerHours,
  answered: AGG.answered,
  reopened: AGG.reopened,
};

const TZ = Prisma.raw(`'${MUNICIPAL_TZ}'`);

/** Each dimension's key as text (null = the message has no value: «без темы», «не указан»). The
 * locality key is 'v:<name>' for the top localities and 'o' for the rest (so «прочие» cannot
 * collide with a real name). */
function dimensionSql(d: Dimension): Prisma.Sql {
  switch (d) {
    case "topic":
      return sql`m.topic_id::text`;
    case "block":
      return sql`m.block_id::text`;
    case "channel":
      return sql`m.channel::text`;
    case "status":
      return sql`m.status::text`;
    case "regime":
      return sql`m.regime::text`;
    case "month":
      return sql`to_char(m.registered_at AT TIME ZONE ${TZ}, 'YYYY-MM')`;
    case "locality":
      return sql`CASE WHEN nullif(btrim(m.locality), '') IS NULL THEN NULL WHEN m.locality IN (SELECT locality FROM top_loc) THEN 'v:' || m.locality ELSE 'o' END`;
    case "curator":
      return sql`bc.user_id::text`;
  }
}

export function filtersWhere(user: CurrentUser, c: ReportConfig): Prisma.Sql {
  const f = c.filters;
  const parts: Prisma.Sql[] = [
    scopeSql(user),
    sql`m.registered_at >= ${startOfLocalDay(f.from)}`,
    sql`m.registered_at < ${startOfLocalDay(addDaysLocal(f.to, 1))}`,
  ];
  if (f.channel) parts.push(sql`m.channel = ${f.channel}::"ChannelCode"`);
  if (f.status) parts.push(sql`m.status = ${f.status}::"MessageStatus"`);
  if (f.regime) parts.push(sql`m.regime = ${f.regime}::"Regime"`);
  if (f.topic) parts.push(sql`m.topic_id = (SELECT id FROM topics WHERE code = ${f.topic})`);
  if (f.block) parts.push(sql`m.block_id = (SELECT id FROM blocks WHERE code = ${f.block})`);
  return Prisma.join(parts, " AND ");
}

export type ReportValues = Partial<Record<Measure, number | null>>;
export type ReportHeader = { dimension: Dimension; key: DimensionKey; label: string };
export type ReportCell = {
  values: ReportValues;
  /** Messages behind the cell (0 for an empty combination). */
  n: number;
  /** Queue filters that list the cell's messages; null when the queue cannot express them. */
  queue: QueueFilter | null;
};
export type ReportRow = { headers: ReportHeader[]; cells: ReportCell[]; total: ReportCell };
export type ReportResult = {
  config: ReportConfig;
  /** Values of the column dimension, in display order (empty without a column dimension). */
  columns: ReportHeader[];
  rows: ReportRow[];
  /** The «Итого» row: totals of each column and the grand total; null without row dimensions. */
  totals: { cells: ReportCell[]; total: ReportCell } | null;
  /** Messages in the period under the filters (each once). */
  messageCount: number;
  /** Rows that did not fit (MAX_ROWS). */
  rowsCut: number;
  generatedAt: string;
};

type RawRow = Record<string, unknown> & { g: number | null; n: number };
/** A grouping set: indexes into the report's dimension list (rows…, then the column). */
type GroupingSet = number[];

/**
 * One grouped query for the given grouping sets. The curator dimension multiplies a message by
 * its block's curators, so sets that contain it run with the join and sets that do not run
 * without it (every message once): at most two queries per report.
 */
async function groupedQuery(
  user: CurrentUser,
  c: ReportConfig,
  dims: Dimension[],
  sets: GroupingSet[],
  rollup: boolean,
): Promise<Map<string, RawRow>> {
  const used = [...new Set(sets.flat())].sort((a, b) => a - b);
  const withCurator = used.some((i) => dims[i] === "curator");
  const withLocality = used.some((i) => dims[i] === "locality");
  const keys = used.map((i) => Prisma.raw(`k${i}`));
  const groupBy = used.length
    ? sql`GROUP BY GROUPING SETS (${Prisma.join(
        sets.map((s) => sql`(${Prisma.raw(s.map((i) => `k${i}`).join(", "))})`),
        ", ",
      )})`
    : sql``;
  const select = keys.length
    ? sql`${Prisma.join(keys, ", ")}, GROUPING(${Prisma.join(keys, ", ")}) AS g, `
    : sql`0 AS g, `;
  let query: Prisma.Sql;
  if (rollup) {
    const keyCols = used.map((i) => sql`${rollupDimensionSql(dims[i])} AS ${Prisma.raw(`k${i}`)}`);
    const measures = c.measures.map((m) => sql`${ROLLUP_MEASURE_SQL[m]!} AS ${Prisma.raw(`"${m}"`)}`);
    query = sql`SELECT ${select} ${ROLLUP_COUNT_SQL} AS n, ${Prisma.join(measures, ", ")}
      FROM (SELECT d.*${keyCols.length ? sql`, ${Prisma.join(keyCols, ", ")}` : sql``} FROM ${rollupFrom(withCurator)} WHERE ${rollupWhere(c)}) d ${groupBy}`;
  } else {
    const where = filtersWhere(user, c);
    const keyCols = used.map((i) => sql`${dimensionSql(dims[i])} AS ${Prisma.raw(`k${i}`)}`);
    const inner = sql`SELECT m.*${keyCols.length ? sql`, ${Prisma.join(keyCols, ", ")}` : sql``}
      FROM messages m ${withCurator ? sql`LEFT JOIN block_curators bc ON bc.block_id = m.block_id` : sql``}
      WHERE ${where}`;
    const measures = c.measures.map((m) => sql`${MEASURE_SQL[m]} AS ${Prisma.raw(`"${m}"`)}`);
    const cte = withLocality
      ? sql`WITH top_loc AS (SELECT m.locality FROM messages m WHERE ${where} AND nullif(btrim(m.locality), '') IS NOT NULL
          GROUP BY m.locality ORDER BY count(*) DESC, m.locality LIMIT ${LOCALITY_TOP}) `
      : sql``;
    query = sql`${cte}SELECT ${select} ${AGG.count} AS n, ${Prisma.join(measures, ", ")} FROM (${inner}) m ${groupBy}`;
  }
  const rows = await db().$queryRaw<RawRow[]>(query);
  // GROUPING(k…) has a 1 bit for each key rolled up, the first key being the highest bit.
  const out = new Map<string, RawRow>();
  for (const r of rows) {
    const present = used.filter((_, j) => ((Number(r.g) >> (used.length - 1 - j)) & 1) === 0);
    out.set(
      setKey(
        present,
        present.map((i) => (r[`k${i}`] as string | null) ?? null),
      ),
      r,
    );
  }
  return out;
}

const setKey = (set: GroupingSet, keys: DimensionKey[]) => JSON.stringify([set, keys]);

/** Runs a report for the user. `config` is untrusted (URL, saved JSON, a caller): it is validated
 * here and a bad one is refused with a Russian message. */
export async function runReport(user: CurrentUser, config: unknown): Promise<ReportResult> {
  assertCan(user, "report.read");
  const parsed = reportConfigSchema.safeParse(config);
  if (!parsed.success) throw new AppError("invalid_input", configError(parsed.error));
  const c = parsed.data;
  const dims: Dimension[] = [...c.rows, ...c.columns];
  const R = c.rows.map((_, i) => i);
  const C = c.columns.length ? [c.rows.length] : [];
  const wanted: GroupingSet[] = [[...R, ...C]];
  if (C.length && R.length) wanted.push(R, C);
  if (R.length || C.length) wanted.push([]);
  const sets = uniqueSets(wanted);
  const isCuratorSet = (s: GroupingSet) => s.some((i) => dims[i] === "curator");
  const parts = [sets.filter(isCuratorSet), sets.filter((s) => !isCuratorSet(s))].filter((p) => p.length > 0);
  // Reports the dashboard rollup can answer read it (fast at millions of messages); the rest read
  // the messages. The rollup is brought up to date first when anything changed since its last refresh.
  const rollup = rollupCanAnswer(user, c, dims);
  if (rollup) await ensureDashboardRollupFresh();
  const [results, lookups] = await Promise.all([
    Promise.all(parts.map((p) => groupedQuery(user, c, dims, p, rollup))),
    loadLabelLookups(dims),
  ]);
  const byKey = new Map<string, RawRow>();
  for (const r of results) for (const [k, v] of r) byKey.set(k, v);
  return assemble(c, dims, byKey, lookups, R, C);
}

function uniqueSets(sets: GroupingSet[]): GroupingSet[] {
  const seen = new Set<string>();
  return sets.filter((s) => (seen.has(s.join()) ? false : (seen.add(s.join()), true)));
}

function assemble(
  c: ReportConfig,
  dims: Dimension[],
  byKey: Map<string, RawRow>,
  lookups: LabelLookups,
  R: number[],
  C: number[],
): ReportResult {
  const keysOf = (set: GroupingSet) => {
    const out: DimensionKey[][] = [];
    for (const [k] of byKey) {
      const [s, keys] = JSON.parse(k) as [GroupingSet, DimensionKey[]];
      if (s.join() === set.join()) out.push(keys);
    }
    return out;
  };
  const header = (i: number, key: DimensionKey): ReportHeader => ({
    dimension: dims[i],
    key,
    label: dimensionLabel(dims[i], key, lookups),
  });
  const cell = (set: GroupingSet, keys: DimensionKey[]): ReportCell => {
    const r = byKey.get(setKey(set, keys));
    const values: ReportValues = {};
    for (const m of c.measures)
      values[m] = r ? toNumber(r[m]) : m === "count" || m === "answered" || m === "reopened" ? 0 : null;
    return {
      values,
      n: r ? Number(r.n) : 0,
      queue: cellQueue(
        c,
        set.map((i, j) => ({ dimension: dims[i], key: keys[j] })),
        lookups,
      ),
    };
  };
  const grand = cell([], []);

  // Row keys come from the row-totals set (or the cells when there is no column): only rows that
  // have messages are shown; column values likewise.
  const rowKeys = R.length
    ? sortKeys(
        R.map((i) => dims[i]),
        keysOf(R),
        lookups,
      )
    : [[]];
  const colKeys = C.length ? sortKeys([dims[C[0]]], keysOf(C), lookups) : [];
  const kept = rowKeys.slice(0, MAX_ROWS);
  const rows: ReportRow[] = kept.map((rk) => ({
    headers: R.map((i, j) => header(i, rk[j])),
    cells: colKeys.map((ck) => cell([...R, ...C], [...rk, ...ck])),
    total: R.length ? cell(R, rk) : grand,
  }));
  return {
    config: c,
    columns: colKeys.map((ck) => header(C[0], ck[0])),
    rows: grand.n === 0 ? [] : rows,
    totals: R.length && grand.n > 0 ? { cells: colKeys.map((ck) => cell(C, ck)), total: grand } : null,
    messageCount: grand.n,
    rowsCut: Math.max(0, rowKeys.length - kept.length),
    generatedAt: new Date().toISOString(),
  };
}

function toNumber(v: unknown): number | null {
  if (v == null) return null;
  const n = typeof v === "bigint" ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : null;
}
