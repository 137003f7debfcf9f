import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { messageScope } from "@/lib/messages/scope";
import { seesPersonalData } from "@/lib/privacy/viewer";
import { addDaysLocal, startOfLocalDay } from "@/lib/deadlines/time";
import type { PresetCode, QueueParams } from "./params";
import {
  ANSWERED_SQL,
  CALL_NEEDED_SQL,
  OPEN_SQL,
  CALLED_SQL,
  DISSATISFIED_SQL,
  LATE_SQL,
  ON_TIME_SQL,
  RATED_SQL,
  REOPENED_SQL,
  SATISFIED_SQL,
} from "@/lib/analytics/measures";

const sql = Prisma.sql;
// A literal status list (see OPEN_SQL) so the planner can match messages_open_registered_idx.
const OPEN = OPEN_SQL;

/** messageScope(user) as SQL for the raw queue queries (full-text search needs raw SQL). Only the
 * shapes messageScope produces are accepted; anything else fails loudly rather than widening. */
export function scopeSql(user: CurrentUser, alias: "m" | "x" = "m"): Prisma.Sql {
  const s = messageScope(user);
  const keys = Object.keys(s);
  const a = Prisma.raw(alias);
  if (keys.length === 0) return sql`TRUE`;
  if (keys.length === 1 && keys[0] === "blockId") {
    const b = s.blockId;
    if (typeof b === "number") return sql`${a}.block_id = ${b}`;
    if (b && typeof b === "object" && "in" in b && Array.isArray(b.in))
      return sql`${a}.block_id = ANY(${b.in as number[]}::int[])`;
  }
  throw new Error("queue: unsupported message scope");
}

export function deadlineSql(state: "ok" | "at_risk" | "overdue", now: Date): Prisma.Sql {
  switch (state) {
    case "overdue":
      return sql`(${OPEN} AND m.due_at < ${now})`;
    case "at_risk":
      return sql`(${OPEN} AND m.due_at >= ${now} AND m.at_risk_at <= ${now})`;
    case "ok":
      return sql`(${OPEN} AND m.due_at >= ${now} AND (m.at_risk_at IS NULL OR m.at_risk_at > ${now}))`;
  }
}

export function presetSql(code: PresetCode, now: Date): Prisma.Sql {
  switch (code) {
    case "new":
    case "answer_review":
    case "awaiting_contact":
    case "reopened":
      return sql`m.status = ${code}::"MessageStatus"`;
    case "review":
      return sql`(m.needs_review AND ${OPEN})`;
    case "at_risk":
    case "overdue":
      return deadlineSql(code, now);
  }
}

/** A message number typed into the search box: «123», «№123», «#123». */
export function messageNumberOf(q: string): number | null {
  const m = /^\s*(?:№|#|n)?\s*(\d{1,10})\s*$/i.exec(q);
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}

/** Every filter of the URL as one parameterized WHERE (user input never enters the SQL text).
 * `textByScan` writes the text match so that the full-text index cannot serve it: for a walk of
 * the newest messages, where testing each row is cheaper than gathering every match of a common
 * word from the index. */
export function queueWhere(
  user: CurrentUser,
  p: QueueParams,
  now: Date,
  opts: { textByScan?: boolean } = {},
): Prisma.Sql {
  const parts: Prisma.Sql[] = [scopeSql(user)];
  if (p.preset) parts.push(presetSql(p.preset, now));
  if (p.status) parts.push(sql`m.status = ${p.status}::"MessageStatus"`);
  if (p.channel) parts.push(sql`m.channel = ${p.channel}::"ChannelCode"`);
  if (p.regime) parts.push(sql`m.regime = ${p.regime}::"Regime"`);
  if (p.deadline) parts.push(deadlineSql(p.deadline, now));
  if (p.topic) parts.push(sql`m.topic_id = (SELECT id FROM topics WHERE code = ${p.topic})`);
  if (p.block) parts.push(sql`m.block_id = (SELECT id FROM blocks WHERE code = ${p.block})`);
  if (p.curator) parts.push(sql`m.block_id IN (SELECT block_id FROM block_curators WHERE user_id = ${p.curator})`);
  if (p.from) parts.push(sql`m.registered_at >= ${startOfLocalDay(p.from)}`);
  if (p.to) parts.push(sql`m.registered_at < ${startOfLocalDay(addDaysLocal(p.to, 1))}`);
  if (p.rating)
    parts.push(p.rating === "rated" ? RATED_SQL : p.rating === "satisfied" ? SATISFIED_SQL : DISSATISFIED_SQL);
  if (p.ontime) parts.push(p.ontime === "yes" ? ON_TIME_SQL : LATE_SQL);
  if (p.answered) parts.push(p.answered === "yes" ? ANSWERED_SQL : sql`m.answered_at IS NULL`);
  if (p.reopened) parts.push(p.reopened === "yes" ? REOPENED_SQL : sql`m.reopen_count = 0`);
  if (p.called) parts.push(sql`${CALL_NEEDED_SQL} AND ${p.called === "yes" ? CALLED_SQL : sql`NOT ${CALLED_SQL}`}`);
  if (p.locality) parts.push(sql`m.locality = ${p.locality}`);
  if (p.problem)
    parts.push(
      sql`m.id IN (SELECT pm.message_id FROM problem_messages pm WHERE pm.problem_id = ${p.problem} AND pm.detached_at IS NULL)`,
    );
  if (p.q) {
    const n = messageNumberOf(p.q);
    // Roles without the right to personal data search the masked text: a resident's name or phone
    // number written in a message finds nothing for them.
    const vector = seesPersonalData(user) ? sql`m.search_vector` : sql`m.search_masked`;
    const match = sql`${vector} @@ websearch_to_tsquery('russian', ${p.q})`;
    parts.push(n !== null ? sql`m.id = ${n}` : opts.textByScan ? sql`coalesce(${match}, false)` : match);
  }
  return Prisma.join(parts, " AND ");
}
