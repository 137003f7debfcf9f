// npm run bench:ingest [-- --n 200000] — pushes N simulated messages through the whole pipeline
// (simulator pages over HTTP → validate → normalize → sanitize → dedupe → classify → route →
// deadlines → PostgreSQL), then COPYs the same rows into a scratch table for scale.
// Last line: RESULT ingest_msgs_per_s=<n> copy_rows_per_s=<m>
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { startSimulator } from "@/lib/channels/simulator";
import type { ChannelCode } from "@/lib/channels/types";
import { processEnv } from "@/lib/env";

const SHARES: Record<ChannelCode, number> = { pos: 0.4, incident: 0.3, smls: 0.15, sakhalin: 0.15 };
const { values } = parseArgs({
  options: { n: { type: "string" }, serve: { type: "boolean" }, "page-size": { type: "string" } },
});
const N = Number(values.n ?? 200_000);
const PAGE = Number(values["page-size"] ?? 1000);

if (values.serve) {
  // Child mode: the simulators run in their own process, as the channels' servers would.
  const urls: Record<string, string> = {};
  for (const [ch, share] of Object.entries(SHARES)) {
    // Pages are rendered before the clock starts: a channel's server serves stored data, and its
    // cost is not the desk's (with generation on the same 2 cores it would take a third of the CPU).
    const sim = await startSimulator({
      channel: ch as ChannelCode,
      seed: 42,
      total: Math.round(N * share),
      pageSize: PAGE,
      editRate: 0.01,
      anchor: new Date("2026-11-20T00:00:00Z"),
      cachePages: true,
    });
    sim.prerender(PAGE);
    urls[ch] = sim.url;
  }
  process.stdout.write(JSON.stringify(urls) + "\n");
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
} else {
  await main();
}

/** utime + stime of processes in seconds (Linux /proc; 0 where unreadable). */
function cpuOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8");
      const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
      ticks += Number(rest[11]) + Number(rest[12]);
    } catch {
      // process gone or not Linux
    }
  }
  return ticks / 100;
}

async function main() {
  const { createScratchDb } = await import("@/lib/db/scratch-db");
  const scratch = await createScratchDb("bench");
  processEnv().DATABASE_URL = scratch.url; // before anything reads env() (it caches)
  const { db, disconnectDb } = await import("@/lib/db");
  const { closePgPool } = await import("@/lib/db/pg-pool");
  const { seedReference } = await import("@/lib/seed/seed");
  const { pullChannel } = await import("@/lib/ingest/pull-channel");
  console.log(`database: ${scratch.kind}; messages: ${N}; page size: ${PAGE}`);
  await seedReference(db());

  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--serve", "--n", String(N), "--page-size", String(PAGE)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const urls = await new Promise<Record<ChannelCode, string>>((resolve) => {
    createInterface({ input: child.stdout! }).once("line", (l) => resolve(JSON.parse(l)));
  });
  for (const [ch, url] of Object.entries(urls))
    await db().channel.update({ where: { code: ch as ChannelCode }, data: { baseUrl: url, cursor: null } });

  // CPU time of each side (this process, the database's backends, the simulators' process), so
  // the cost per message can be read even on a machine busy with other work.
  const { pgPool } = await import("@/lib/db/pg-pool");
  const backendPids = async () =>
    (
      await pgPool().query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
      )
    ).rows.map((r) => r.pid);
  const pg0 = cpuOf(await backendPids());
  const sim0 = cpuOf([child.pid!]);
  const node0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await Promise.all(
    (Object.keys(urls) as ChannelCode[]).map((ch) => pullChannel(ch, { pageSize: PAGE })),
  );
  const secs = (performance.now() - t0) / 1000;
  const nodeCpu = (() => {
    const u = process.cpuUsage(node0);
    return (u.user + u.system) / 1e6;
  })();
  // Backends opened during the run start from zero; ones open before were read at the start.
  const pgCpu = cpuOf(await backendPids()) - pg0;
  const simCpu = cpuOf([child.pid!]) - sim0;
  child.stdin!.end();
  const stored = await db().message.count();
  const expected = Object.values(SHARES).reduce((s, share) => s + Math.round(N * share), 0);
  for (const [i, ch] of (Object.keys(urls) as ChannelCode[]).entries()) {
    const r = results[i];
    console.log(
      `${ch.padEnd(9)} pages ${r.pages}, inserted ${r.inserted}, edited ${r.edited}, duplicates ${r.duplicates}, quarantined ${r.quarantined}${r.error ? `, ERROR ${r.error}` : ""}`,
    );
  }
  console.log(`stored ${stored} of ${expected} distinct messages in ${secs.toFixed(2)} s`);
  if (stored !== expected) console.log("WARNING: stored count differs from the simulators' distinct messages");
  const us = (cpu: number) => ((cpu * 1e6) / Math.max(1, stored)).toFixed(0);
  console.log(
    `CPU per message: desk process ${us(nodeCpu)} µs, PostgreSQL ${us(pgCpu)} µs, simulators ${us(simCpu)} µs` +
      ` → ${Math.round((2 * stored) / (nodeCpu + pgCpu))} msg/s if desk + database had 2 cores to themselves`,
  );
  const ingestRate = Math.round(stored / secs);

  // COPY the same rows into a scratch table (no indexes) for comparison.
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  await client.query(`CREATE TABLE bench_copy (LIKE messages INCLUDING DEFAULTS)`);
  const chunks: Buffer[] = [];
  await pipeline(
    client.query(copyTo(`COPY (SELECT * FROM messages) TO STDOUT`)),
    async function* (src: AsyncIterable<Buffer>) {
      for await (const c of src) chunks.push(c);
    },
  );
  const t1 = performance.now();
  await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY bench_copy FROM STDIN`)));
  const copySecs = (performance.now() - t1) / 1000;
  const copied = Number((await client.query(`SELECT count(*) AS n FROM bench_copy`)).rows[0].n);
  const copyRate = Math.round(copied / copySecs);
  console.log(`COPY of ${copied} rows: ${copySecs.toFixed(2)} s`);
  await client.end();
  await closePgPool();
  await disconnectDb();
  await scratch.drop();
  console.log(`RESULT ingest_msgs_per_s=${ingestRate} copy_rows_per_s=${copyRate}`);
  process.exit(0);
}
