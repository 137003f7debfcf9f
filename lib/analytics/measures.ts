// One definition of every analytics figure, shared by the dashboard, the report builder and the
// queue's click-through filters, so a number and the list behind it always agree. All figures are
// over messages registered in the chosen period (local Sakhalin days); `m` is the messages alias.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/messages/labels";
import { MUNICIPAL_TZ } from "@/lib/deadlines/time";

const sql = Prisma.sql;

/** Open statuses as a literal list (code constants) so partial indexes on open messages match. */
export const OPEN_SQL = sql`m.status IN (${Prisma.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "))})`;

/** Rated: the resident left a verdict (score or satisfied / not satisfied). */
export const RATED_SQL = sql`m.rating_satisfied IS NOT NULL`;
export const SATISFIED_SQL = sql`m.rating_satisfied IS TRUE`;
export const DISSATISFIED_SQL = sql`m.rating_satisfied IS FALSE`;
/** Answered at least once (the answer went back through the channel). */
export const ANSWERED_SQL = sql`m.answered_at IS NOT NULL`;
/** Answered within the current legal deadline; only answered messages with a deadline count. */
export const ON_TIME_BASE_SQL = sql`(m.answered_at IS NOT NULL AND m.due_at IS NOT NULL)`;
export const ON_TIME_SQL = sql`(m.answered_at IS NOT NULL AND m.due_at IS NOT NULL AND m.answered_at <= m.due_at)`;
export const LATE_SQL = sql`(m.answered_at IS NOT NULL AND m.due_at IS NOT NULL AND m.answered_at > m.due_at)`;
export const REOPENED_SQL = sql`m.reopen_count > 0`;
/** ПОС messages whose answer was approved and so needed the curator's call. */
export const CALL_NEEDED_SQL = sql`(m.channel = 'pos' AND (m.status IN ('awaiting_contact', 'answered', 'closed') OR m.answered_at IS NOT NULL))`;
export const CALLED_SQL = sql`EXISTS (SELECT 1 FROM contact_attempts ca WHERE ca.message_id = m.id)`;
export const overdueNowSql = (now: Date) => sql`(${OPEN_SQL} AND m.due_at < ${now})`;

/** The Sakhalin calendar day of registration: the unit of periods (the queue's from/to) and of the
 * dashboard rollup. */
export const LOCAL_DAY_SQL = sql`((m.registered_at AT TIME ZONE ${Prisma.raw(`'${MUNICIPAL_TZ}'`)})::date)`;
/** A resident's score (1–5) was recorded; the average rating is over these. */
export const SCORED_SQL = sql`m.last_rating IS NOT NULL`;

/** Hours from registration to the answer (for medians). */
export const ANSWER_HOURS_SQL = sql`(extract(epoch FROM (m.answered_at - m.registered_at)) / 3600.0)`;

/** Aggregate expressions, to be used in a SELECT over `messages m`. Shares are 0..1 or null. */
export const AGG = {
  count: sql`count(*)::int`,
  rated: sql`count(*) FILTER (WHERE ${RATED_SQL})::int`,
  satisfied: sql`count(*) FILTER (WHERE ${SATISFIED_SQL})::int`,
  satisfactionShare: sql`(count(*) FILTER (WHERE ${SATISFIED_SQL})::float8 / NULLIF(count(*) FILTER (WHERE ${RATED_SQL}), 0))`,
  avgRating: sql`avg(m.last_rating)::float8`,
  onTimeBase: sql`count(*) FILTER (WHERE ${ON_TIME_BASE_SQL})::int`,
  onTime: sql`count(*) FILTER (WHERE ${ON_TIME_SQL})::int`,
  onTimeShare: sql`(count(*) FILTER (WHERE ${ON_TIME_SQL})::float8 / NULLIF(count(*) FILTER (WHERE ${ON_TIME_BASE_SQL}), 0))`,
  reopened: sql`count(*) FILTER (WHERE ${REOPENED_SQL})::int`,
  answered: sql`count(*) FILTER (WHERE ${ANSWERED_SQL})::int`,
  ratingSum: sql`coalesce(sum(m.last_rating), 0)::int`,
  ratingCount: sql`count(*) FILTER (WHERE ${SCORED_SQL})::int`,
  callNeeded: sql`count(*) FILTER (WHERE ${CALL_NEEDED_SQL})::int`,
  called: sql`count(*) FILTER (WHERE ${CALL_NEEDED_SQL} AND ${CALLED_SQL})::int`,
  callShare: sql`(count(*) FILTER (WHERE ${CALL_NEEDED_SQL} AND ${CALLED_SQL})::float8 / NULLIF(count(*) FILTER (WHERE ${CALL_NEEDED_SQL}), 0))`,
  medianAnswerHours: sql`(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${ANSWER_HOURS_SQL}) FILTER (WHERE ${ANSWERED_SQL}))::float8`,
} as const;
