// npm run bench:ingest [-- --n 200000] — pushes N simulated messages through the whole pipeline
// (simulator pages over HTTP → validate → normalize → sanitize → dedupe → classify → route →
// deadlines → PostgreSQL), then COPYs the same rows into a scratch table for scale.
// Last line: RESULT ingest_msgs_per_s=<n> copy_rows_per_s=<m>
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { startSimulator } from "@/lib/channels/simulator";
import type { ChannelCode } from "@/lib/channels/types";

const SHARES: Record<ChannelCode, number> = { pos: 0.4, incident: 0.3, smls: 0.15, sakhalin: 0.15 };
const { values } = parseArgs({ options: { n: { type: "string" }, serve: { type: "boolean" }, "page-size": { type: "string" } } });
const N = Number(values.n ?? 200_000);
const PAGE = Number(values["page-size"] ?? 1000);

if (values.serve) {
  // Child mode: the simulators run in their own process, as the channels' servers would.
  const urls: Record<string, string> = {};
  for (const [ch, share] of Object.entries(SHARES)) {
    const sim = await startSimulator({ channel: ch as ChannelCode, seed: 42, total: Math.round(N * share), pageSize: PAGE, editRate: 0.01, anchor: new Date("2026-11-20T00:00:00Z") });
    urls[ch] = sim.url;
  }
  process.stdout.write(JSON.stringify(urls) + "\n");
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
} else {
  await main();
}

async function main() {
  const { createScratchDb } = await import("@/lib/db/scratch-db");
  const scratch = await createScratchDb("bench");
  process.env.DATABASE_URL = scratch.url;
  const { db, disconnectDb } = await import("@/lib/db");
  const { closePgPool } = await import("@/lib/db/pg-pool");
  const { seedReference } = await import("@/lib/seed/seed");
  const { pullChannel } = await import("@/lib/ingest/pull-channel");
  console.log(`database: ${scratch.kind}; messages: ${N}; page size: ${PAGE}`);
  await seedReference(db());

  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--serve", "--n", String(N), "--page-size", String(PAGE)], { stdio: ["pipe", "pipe", "inherit"] });
  const urls = await new Promise<Record<ChannelCode, string>>((resolve) => {
    createInterface({ input: child.stdout! }).once("line", (l) => resolve(JSON.parse(l)));
  });
  for (const [ch, url] of Object.entries(urls)) await db().channel.update({ where: { code: ch as ChannelCode }, data: { baseUrl: url, cursor: null } });

  const t0 = performance.now();
  const results = await Promise.all((Object.keys(urls) as ChannelCode[]).map((ch) => pullChannel(ch, { pageSize: PAGE })));
  const secs = (performance.now() - t0) / 1000;
  child.stdin!.end();
  const stored = await db().message.count();
  const expected = Object.values(SHARES).reduce((s, share) => s + Math.round(N * share), 0);
  for (const [i, ch] of (Object.keys(urls) as ChannelCode[]).entries()) {
    const r = results[i];
    console.log(`${ch.padEnd(9)} pages ${r.pages}, inserted ${r.inserted}, edited ${r.edited}, duplicates ${r.duplicates}, quarantined ${r.quarantined}${r.error ? `, ERROR ${r.error}` : ""}`);
  }
  console.log(`stored ${stored} of ${expected} distinct messages in ${secs.toFixed(2)} s`);
  if (stored !== expected) console.log("WARNING: stored count differs from the simulators' distinct messages");
  const ingestRate = Math.round(stored / secs);

  // COPY the same rows into a scratch table (no indexes) for comparison.
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  await client.query(`CREATE TABLE bench_copy (LIKE messages INCLUDING DEFAULTS)`);
  const chunks: Buffer[] = [];
  await pipeline(client.query(copyTo(`COPY (SELECT * FROM messages) TO STDOUT`)), async function* (src: AsyncIterable<Buffer>) {
    for await (const c of src) chunks.push(c);
  });
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
