// The background worker: pg-boss queues on the same PostgreSQL. Safe to run several workers:
// sends are throttled per key (singletonSeconds) and each channel is pulled under an advisory
// lock, so a channel is never pulled twice at once and every page is stored exactly once.
import { PgBoss } from "./pgboss";
import type { ChannelCode } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { pullChannel } from "@/lib/ingest/pull-channel";
import { indexPendingSearch } from "@/lib/search/index-pending";
import { PERIODIC_JOBS, type PeriodicJob } from "./periodic";

const TICK_MS = 5_000;

export type Worker = { stop: () => Promise<void> };

export async function startWorker(opts: { connectionString: string; log?: (msg: string) => void }): Promise<Worker> {
  const log = opts.log ?? ((m: string) => console.log(`[worker] ${m}`));
  const boss = new PgBoss({ connectionString: opts.connectionString, max: 3 });
  boss.on("error", (e: Error) => log(`ошибка очереди: ${e.message}`));
  await boss.start();
  await boss.createQueue("pull-channel");
  await boss.createQueue("search-index");
  for (const j of PERIODIC_JOBS) await boss.createQueue(j.name);

  await boss.work<{ channel: ChannelCode }>("pull-channel", { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      const r = await pullChannel(job.data.channel);
      if (r.inserted || r.edited || r.quarantined || r.error) {
        log(
          `${job.data.channel}: новых ${r.inserted}, изменено ${r.edited}, в карантин ${r.quarantined}${r.error ? `, ошибка: ${r.error}` : ""}`,
        );
      }
    }
  });
  await boss.work("search-index", { pollingIntervalSeconds: 1 }, async () => {
    const client = await pgPool().connect();
    try {
      await indexPendingSearch(client);
    } finally {
      client.release();
    }
  });
  for (const j of PERIODIC_JOBS) {
    await boss.work(j.name, { pollingIntervalSeconds: 2 }, async () => {
      await j.run();
    });
  }

  async function tick() {
    const channels = await db().channel.findMany({
      where: { paused: false, baseUrl: { not: null } },
      select: { code: true, pullIntervalSec: true },
    });
    for (const c of channels) {
      await boss.send(
        "pull-channel",
        { channel: c.code },
        { singletonKey: c.code, singletonSeconds: Math.max(1, c.pullIntervalSec) },
      );
    }
    await boss.send("search-index", {}, { singletonKey: "search", singletonSeconds: 5 });
    for (const j of PERIODIC_JOBS) await sendPeriodic(boss, j);
  }
  const timer = setInterval(() => void tick().catch((e: Error) => log(`планировщик: ${e.message}`)), TICK_MS);
  await tick();
  log("запущен");
  return {
    stop: async () => {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

function sendPeriodic(boss: PgBoss, j: PeriodicJob) {
  return boss.send(j.name, {}, { singletonKey: j.name, singletonSeconds: j.everySeconds });
}
