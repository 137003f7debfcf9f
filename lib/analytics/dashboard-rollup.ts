// The dashboard rollup (table dashboard_daily): per Sakhalin registration day × channel × topic ×
// block, the counts behind every dashboard figure, computed with the shared definitions of
// lib/analytics/measures.ts; plus the answer times and their hourly histogram for the median. A refresh recomputes whole days: every day that holds a message
// changed (updated_at) or called about (contact_attempts.created_at) since the last watermark,
// so a message that moves to another topic or gets its rating leaves no stale count behind.
// Several workers and web processes may call it: one runs, the others skip (advisory lock).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDaysLocal, startOfLocalDay } from "@/lib/deadlines/time";
import { AGG, ANSWERED_SQL, ANSWER_HOURS_SQL, LOCAL_DAY_SQL } from "./measures";

const sql = Prisma.sql;
const STATE_KEY = "dashboard_rollup";
/** Changes committed by transactions that started before the previous refresh are caught by
 * looking this far behind the watermark (recomputing a day twice is harmless). */
const OVERLAP_MS = 5 * 60_000;
/** A full rebuild now and then repairs anything an out-of-band UPDATE might have missed. */
const FULL_EVERY_MS = 24 * 3600_000;

type RollupState = { watermark: string; fullAt: string };
export type RefreshResult = { ran: boolean; full: boolean; days: number; watermark: string | null };

function insertSql(where: Prisma.Sql): Prisma.Sql {
  return sql`
    INSERT INTO dashboard_daily (day, channel, topic_id, block_id, messages, rated, satisfied, rating_sum, rating_count,
                                 answered, on_time_base, on_time, reopened, call_needed, called)
    SELECT ${LOCAL_DAY_SQL}, m.channel, coalesce(m.topic_id, 0), coalesce(m.block_id, 0),
           ${AGG.count}, ${AGG.rated}, ${AGG.satisfied}, ${AGG.ratingSum}, ${AGG.ratingCount}, ${AGG.answered},
           ${AGG.onTimeBase}, ${AGG.onTime}, ${AGG.reopened}, ${AGG.callNeeded}, ${AGG.called}
    FROM messages m
    WHERE ${where}
    GROUP BY 1, 2, 3, 4`;
}

function answerTimesSql(where: Prisma.Sql): Prisma.Sql {
  return sql`
    INSERT INTO dashboard_answer_times (message_id, day, hours)
    SELECT m.id, ${LOCAL_DAY_SQL}, ${ANSWER_HOURS_SQL} FROM messages m WHERE ${ANSWERED_SQL} AND (${where})`;
}

function answerHoursSql(where: Prisma.Sql): Prisma.Sql {
  return sql`
    INSERT INTO dashboard_answer_hours (day, hour, answered)
    SELECT t.day, floor(t.hours)::int, count(*)::int FROM dashboard_answer_times t WHERE ${where} GROUP BY 1, 2`;
}

/** Registration-time ranges of the given local days (index-friendly, one range per day). */
function daysWhere(days: string[]): Prisma.Sql {
  return Prisma.join(
    days.map(
      (d) =>
        sql`(m.registered_at >= ${startOfLocalDay(d)} AND m.registered_at < ${startOfLocalDay(addDaysLocal(d, 1))})`,
    ),
    " OR ",
  );
}

async function readState(): Promise<RollupState | null> {
  const s = await db().setting.findUnique({ where: { key: STATE_KEY }, select: { value: true } });
  const v = s?.value as Partial<RollupState> | undefined;
  return v?.watermark && v.fullAt ? { watermark: v.watermark, fullAt: v.fullAt } : null;
}

/**
 * Brings dashboard_daily up to date. `full` rebuilds every day; otherwise only the days touched
 * since the watermark (or everything when there is no state yet or the last full rebuild is old).
 */
export async function refreshDashboardRollup(
  opts: { full?: boolean; incrementalOnly?: boolean } = {},
): Promise<RefreshResult> {
  return db().$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(hashtext('dashboard_rollup')) AS locked`;
      if (!locked) return { ran: false, full: false, days: 0, watermark: null };
      const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
      const s = await tx.setting.findUnique({ where: { key: STATE_KEY }, select: { value: true } });
      const state = s?.value as Partial<RollupState> | undefined;
      const noState = !state?.watermark || !state.fullAt;
      const full =
        !!opts.full || noState || (!opts.incrementalOnly && now.getTime() - Date.parse(state.fullAt!) > FULL_EVERY_MS);
      let days = 0;
      if (full) {
        // DELETE rather than TRUNCATE: readers keep seeing the previous figures until the commit.
        await tx.$executeRaw`DELETE FROM dashboard_daily`;
        await tx.$executeRaw`DELETE FROM dashboard_answer_times`;
        await tx.$executeRaw`DELETE FROM dashboard_answer_hours`;
        await tx.$executeRaw(insertSql(sql`TRUE`));
        await tx.$executeRaw(answerTimesSql(sql`TRUE`));
        await tx.$executeRaw(answerHoursSql(sql`TRUE`));
        days = (await tx.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT day)::int AS n FROM dashboard_daily`)[0].n;
      } else {
        const since = new Date(Date.parse(state!.watermark!) - OVERLAP_MS);
        const touched = await tx.$queryRaw<{ d: string }[]>`
        SELECT to_char(d, 'YYYY-MM-DD') AS d FROM (
          SELECT ${LOCAL_DAY_SQL} AS d FROM messages m WHERE m.updated_at >= ${since}
          UNION
          SELECT ${LOCAL_DAY_SQL} FROM contact_attempts ca JOIN messages m ON m.id = ca.message_id WHERE ca.created_at >= ${since}
        ) x ORDER BY 1`;
        const list = touched.map((r) => r.d);
        days = list.length;
        // Bounded statements: a burst of changes over many days is done in slices.
        for (let i = 0; i < list.length; i += 200) {
          const part = list.slice(i, i + 200);
          await tx.$executeRaw`DELETE FROM dashboard_daily WHERE day = ANY(${part}::date[])`;
          await tx.$executeRaw`DELETE FROM dashboard_answer_times WHERE day = ANY(${part}::date[])`;
          await tx.$executeRaw`DELETE FROM dashboard_answer_hours WHERE day = ANY(${part}::date[])`;
          await tx.$executeRaw(insertSql(sql`(${daysWhere(part)})`));
          await tx.$executeRaw(answerTimesSql(daysWhere(part)));
          await tx.$executeRaw(answerHoursSql(sql`t.day = ANY(${part}::date[])`));
        }
      }
      const next: RollupState = { watermark: now.toISOString(), fullAt: full ? now.toISOString() : state!.fullAt! };
      await tx.setting.upsert({
        where: { key: STATE_KEY },
        create: { key: STATE_KEY, value: next },
        update: { value: next },
      });
      return { ran: true, full, days, watermark: next.watermark };
    },
    { timeout: 15 * 60_000, maxWait: 30_000 },
  );
}

/** For readers: the rollup is brought up to date first when any message changed (or a call was
 * logged) since its watermark, so what a reader sees equals the messages now; when nothing changed
 * this costs two index probes. Only the first build (no state yet) is a full one here; the
 * periodic full rebuild is the worker's. A refresh already running elsewhere is not waited for. */
export async function ensureDashboardRollupFresh(): Promise<Date | null> {
  const state = await readState();
  if (state) {
    const since = new Date(state.watermark);
    const [{ changed }] = await db().$queryRaw<{ changed: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM messages WHERE updated_at > ${since})
          OR EXISTS (SELECT 1 FROM contact_attempts WHERE created_at > ${since}) AS changed`;
    if (!changed) return since;
  }
  const r = await refreshDashboardRollup({ incrementalOnly: true });
  if (r.watermark) return new Date(r.watermark);
  return state ? new Date(state.watermark) : null;
}
