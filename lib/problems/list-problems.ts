import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { textFor } from "@/lib/privacy/viewer";
import type { ListResult } from "@/lib/messages/list-messages";
import type { ChannelCodeT } from "@/lib/messages/labels";
import { PROBLEM_STATUSES, type ProblemStatusCode } from "./labels";
import { residentKeySql } from "./residents";

const CHANNELS = ["pos", "incident", "smls", "sakhalin"] as const;

/** Forgiving: a bad URL value falls back to "not set" instead of throwing. `status` also takes
 * «active» (open or in work, the default) and «merged» (problems merged into another one). */
export const problemListSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce.number().int().min(10).max(100).catch(25),
  status: z.enum(["active", "all", "merged", ...PROBLEM_STATUSES] as [string, ...string[]]).catch("active"),
  topic: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  block: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  q: text({ max: TEXT_LIMITS.search }).optional().catch(undefined),
});
export type ProblemListParams = z.infer<typeof problemListSchema>;

export type ProblemRow = {
  id: number;
  title: string;
  status: ProblemStatusCode;
  origin: "auto" | "manual" | "growth";
  mergedIntoId: number | null;
  topic: string | null;
  locality: string | null;
  address: string | null;
  messages: number;
  residents: number;
  channels: ChannelCodeT[];
  blocks: string[];
  lastActivity: Date;
};

export function parseProblemListParams(raw: Record<string, unknown>): ProblemListParams {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== "" && v != null) clean[k] = Array.isArray(v) ? v[0] : v;
  return problemListSchema.parse(clean);
}

/** Problems with their active members' counts, channels and blocks, most recently active first. */
export async function listProblems(user: CurrentUser, raw: Record<string, unknown>): Promise<ListResult<ProblemRow>> {
  assertCan(user, "problem.read");
  const p = parseProblemListParams(raw);
  const where: Prisma.Sql[] = [];
  if (p.status === "active") where.push(Prisma.sql`p.status IN ('open', 'in_work') AND p.merged_into_id IS NULL`);
  else if (p.status === "merged") where.push(Prisma.sql`p.merged_into_id IS NOT NULL`);
  else if (p.status !== "all")
    where.push(Prisma.sql`p.status = ${p.status}::"ProblemStatus" AND p.merged_into_id IS NULL`);
  else where.push(Prisma.sql`p.merged_into_id IS NULL`);
  if (p.topic) where.push(Prisma.sql`t.code = ${p.topic}`);
  if (p.q)
    where.push(
      Prisma.sql`(p.title ILIKE ${`%${escapeLike(p.q)}%`} OR p.address ILIKE ${`%${escapeLike(p.q)}%`} OR p.locality ILIKE ${`%${escapeLike(p.q)}%`} OR p.id::text = ${p.q})`,
    );
  if (p.channel)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM problem_messages x JOIN messages xm ON xm.id = x.message_id WHERE x.problem_id = p.id AND x.detached_at IS NULL AND xm.channel = ${p.channel}::"ChannelCode")`,
    );
  if (p.block)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM problem_messages x JOIN messages xm ON xm.id = x.message_id JOIN blocks xb ON xb.id = xm.block_id WHERE x.problem_id = p.id AND x.detached_at IS NULL AND xb.code = ${p.block})`,
    );
  const whereSql = Prisma.join(where, " AND ");
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<
      {
        id: number;
        title: string;
        status: ProblemStatusCode;
        origin: ProblemRow["origin"];
        merged_into_id: number | null;
        topic: string | null;
        locality: string | null;
        address: string | null;
        messages: number;
        residents: number;
        channels: ChannelCodeT[] | null;
        blocks: string[] | null;
        last_activity: Date;
      }[]
    >`
      SELECT p.id, p.title, p.status::text AS status, p.origin::text AS origin, p.merged_into_id, t.name AS topic, p.locality, p.address,
             count(m.id)::int AS messages,
             count(DISTINCT ${residentKeySql(Prisma.raw("m"))})::int AS residents,
             array_remove(array_agg(DISTINCT m.channel::text), NULL) AS channels,
             array_remove(array_agg(DISTINCT b.short_name), NULL) AS blocks,
             greatest(p.updated_at, max(m.updated_at), max(pm.added_at)) AS last_activity
      FROM problems p
      LEFT JOIN topics t ON t.id = p.topic_id
      LEFT JOIN problem_messages pm ON pm.problem_id = p.id AND pm.detached_at IS NULL
      LEFT JOIN messages m ON m.id = pm.message_id
      LEFT JOIN blocks b ON b.id = m.block_id
      WHERE ${whereSql}
      GROUP BY p.id, t.name
      ORDER BY last_activity DESC, p.id DESC
      LIMIT ${p.perPage} OFFSET ${(p.page - 1) * p.perPage}`,
    db().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM problems p LEFT JOIN topics t ON t.id = p.topic_id WHERE ${whereSql}`,
  ]);
  return {
    data: rows.map((r) => ({
      id: r.id,
      title: textFor(user, r.title),
      status: r.status,
      origin: r.origin,
      mergedIntoId: r.merged_into_id,
      topic: r.topic,
      locality: r.locality,
      address: textFor(user, r.address),
      messages: r.messages,
      residents: r.residents,
      channels: r.channels ?? [],
      blocks: r.blocks ?? [],
      lastActivity: r.last_activity,
    })),
    count: n,
    page: p.page,
    perPage: p.perPage,
    totalPages: Math.max(1, Math.ceil(n / p.perPage)),
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Choices for the list filters. */
export async function problemFilterOptions(user: CurrentUser) {
  assertCan(user, "problem.read");
  const [topics, blocks] = await Promise.all([
    db().topic.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true } }),
    db().block.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, shortName: true } }),
  ]);
  return { topics, blocks: blocks.map((b) => ({ code: b.code, name: b.shortName })) };
}
