import "server-only";
import { COUNT_CAP } from "./params";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { QUEUE_PRESETS, type PresetCode } from "./params";
import { presetSql, scopeSql } from "./where";
import { cachedPresetCounts } from "./preset-cache";

/** Live counts of the preset views, in one round trip (each is a separate index-backed count). */
export async function queuePresetCounts(
  user: CurrentUser,
  opts: { now?: Date; fresh?: boolean } = {},
): Promise<Record<PresetCode, number>> {
  assertCan(user, "queue.read");
  const now = opts.now ?? new Date();
  // Coordinators and the МЦУ head all see every message, so they share one cached result.
  if (!opts.fresh && !opts.now) return cachedPresetCounts(`scope:${user.role}`, () => countPresets(user, now));
  return countPresets(user, now);
}

async function countPresets(user: CurrentUser, now: Date): Promise<Record<PresetCode, number>> {
  const scope = scopeSql(user);
  const cols = QUEUE_PRESETS.map(
    (p) =>
      Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM messages m WHERE ${scope} AND ${presetSql(p.code, now)} LIMIT ${COUNT_CAP + 1}) c) AS ${Prisma.raw(`"${p.code}"`)}`,
  );
  const [row] = await db().$queryRaw<Record<PresetCode, number>[]>`SELECT ${Prisma.join(cols, ", ")}`;
  return row;
}
