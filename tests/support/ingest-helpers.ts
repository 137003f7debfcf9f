import { db } from "@/lib/db";
import { startSimulator, type Simulator, type SimulatorOptions } from "@/lib/channels/simulator";
import type { ChannelCode } from "@/lib/channels/types";

/** Points a channel at a fresh simulator and resets its cursor. Each test uses its own seed, so
 * its external ids never collide with another test's. */
export async function simulatorFor(channel: ChannelCode, opts: Omit<SimulatorOptions, "channel">): Promise<Simulator> {
  const sim = await startSimulator({ channel, anchor: new Date("2026-11-20T00:00:00Z"), ...opts });
  await db().channel.update({
    where: { code: channel },
    data: { baseUrl: sim.url, cursor: null, paused: false, consecutiveErrors: 0, lastError: null },
  });
  return sim;
}

export function simIds(sim: Simulator, total: number): string[] {
  return Array.from({ length: total }, (_, i) => sim.externalIdOf(i));
}

export async function storedCount(channel: ChannelCode, ids: string[]): Promise<{ rows: number; distinct: number }> {
  const rows = await db().message.count({ where: { channel, externalId: { in: ids } } });
  const distinct = (
    await db().message.findMany({
      where: { channel, externalId: { in: ids } },
      distinct: ["externalId"],
      select: { id: true },
    })
  ).length;
  return { rows, distinct };
}

/** Fast retries so fault-mode tests run in seconds. */
export const FAST_RETRY = { backoffBaseMs: 1, backoffMaxMs: 5, maxRetries: 8, timeoutMs: 400, maxRetryAfterMs: 50 };
