// Two pg-boss workers on the same database pull the same channel on schedule: every message is
// stored exactly once and search vectors get filled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import type { Simulator } from "@/lib/channels/simulator";
import { ensureSeeded } from "../support/seeded";
import { simIds, simulatorFor, storedCount } from "../support/ingest-helpers";

let sim: Simulator;
const workers: Worker[] = [];

const embedded = process.env.TEST_DB_KIND === "embedded";

beforeAll(async () => {
  if (embedded) return;
  await ensureSeeded();
  sim = await simulatorFor("pos", { seed: 5150, total: 2000, pageSize: 200, editRate: 0 });
  // Only the channel under test is pulled; the others have no simulator behind them here.
  await db().channel.updateMany({ where: { code: { not: "pos" } }, data: { paused: true } });
  await db().channel.update({ where: { code: "pos" }, data: { pullIntervalSec: 1 } });
});

afterAll(async () => {
  if (embedded) return;
  for (const w of workers) await w.stop();
  await sim.close();
  await db().channel.updateMany({ data: { paused: false, pullIntervalSec: 60 } });
});

// The embedded PGlite serves several connections through one multiplexed session; two pg-boss
// workers plus the app's pool interleave extended-protocol messages there and the server rejects
// them (08P01). This test needs a real server's concurrent connections; CI always has one.
describe.skipIf(process.env.TEST_DB_KIND === "embedded")("background workers", () => {
  it("two workers store each message exactly once and index it for search", async () => {
    const url = process.env.DATABASE_URL!;
    const quiet = () => undefined;
    workers.push(
      await startWorker({ connectionString: url, log: quiet }),
      await startWorker({ connectionString: url, log: quiet }),
    );
    const ids = simIds(sim, 2000);
    for (let i = 0; i < 120; i++) {
      if ((await storedCount("pos", ids)).rows >= 2000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(await storedCount("pos", ids)).toEqual({ rows: 2000, distinct: 2000 });
    for (let i = 0; i < 40; i++) {
      const pending = await db().$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM messages WHERE channel = 'pos' AND external_id = ANY(${ids}) AND search_vector IS NULL`;
      if (Number(pending[0].n) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const indexed = await db().$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM messages WHERE channel = 'pos' AND external_id = ANY(${ids}) AND search_vector IS NOT NULL`;
    expect(Number(indexed[0].n)).toBe(2000);
    const ch = await db().channel.findUniqueOrThrow({ where: { code: "pos" } });
    expect(ch.lastSuccessAt).not.toBeNull();
  }, 120_000);
});
