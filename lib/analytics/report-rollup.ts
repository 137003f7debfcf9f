// The report builder's fast path: reports whose dimensions, measures and filters the dashboard
// rollup (dashboard_daily: Sakhalin day × channel × topic × block) can answer read it instead of
// the messages. The figures are the same sums of the same definitions (lib/analytics/measures.ts),
// as fresh as the rollup (the worker refreshes it every minute; a reader refreshes it when older).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { messageScope } from "@/lib/messages/scope";
import type { Dimension, Measure, ReportConfig } from "./report-config";

const sql = Prisma.sql;

const ROLLUP_DIMENSIONS: readonly Dimension[] = ["topic", "block", "channel", "month", "curator"];
const ROLLUP_MEASURES: readonly Measure[] = ["count", "on_time", "satisfaction", "answered", "reopened"];

/** True when the rollup holds everything the report needs (and the user sees every message). */
export function rollupCanAnswer(user: CurrentUser, c: ReportConfig, dims: Dimension[]): boolean {
  return (
    Object.keys(messageScope(user)).length === 0 &&
    dims.every((d) => ROLLUP_DIMENSIONS.includes(d)) &&
    c.measures.every((m) => ROLLUP_MEASURES.includes(m)) &&
    !c.filters.status &&
    !c.filters.regime
  );
}

export function rollupDimensionSql(d: Dimension): Prisma.Sql {
  switch (d) {
    case "topic":
      return sql`nullif(d.topic_id, 0)::text`;
    case "block":
      return sql`nullif(d.block_id, 0)::text`;
    case "channel":
      return sql`d.channel::text`;
    case "month":
      return sql`to_char(d.day, 'YYYY-MM')`;
    case "curator":
      return sql`bc.user_id::text`;
    default:
      throw new Error(`report rollup: no dimension ${d}`);
  }
}

export const ROLLUP_MEASURE_SQL: Partial<Record<Measure, Prisma.Sql>> = {
  count: sql`sum(d.messages)::int`,
  on_time: sql`(sum(d.on_time)::float8 / NULLIF(sum(d.on_time_base), 0))`,
  satisfaction: sql`(sum(d.satisfied)::float8 / NULLIF(sum(d.rated), 0))`,
  answered: sql`sum(d.answered)::int`,
  reopened: sql`sum(d.reopened)::int`,
};
export const ROLLUP_COUNT_SQL = sql`coalesce(sum(d.messages), 0)::int`;

export function rollupWhere(c: ReportConfig): Prisma.Sql {
  const f = c.filters;
  const parts: Prisma.Sql[] = [sql`d.day >= ${f.from}::date`, sql`d.day <= ${f.to}::date`];
  if (f.channel) parts.push(sql`d.channel = ${f.channel}::"ChannelCode"`);
  if (f.topic) parts.push(sql`d.topic_id = (SELECT id FROM topics WHERE code = ${f.topic})`);
  if (f.block) parts.push(sql`d.block_id = (SELECT id FROM blocks WHERE code = ${f.block})`);
  return Prisma.join(parts, " AND ");
}

export function rollupFrom(withCurator: boolean): Prisma.Sql {
  return sql`dashboard_daily d ${withCurator ? sql`LEFT JOIN block_curators bc ON bc.block_id = d.block_id` : sql``}`;
}
