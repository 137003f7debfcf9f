/**
 * Throughput of a simulator over HTTP, and of the adapter on top of it.
 * Run: npx tsx lib/channels/simulator/bench.ts [total=200000] [limit=1000] [channel=pos]
 */
import { createAdapter } from "../adapter";
import { CHANNEL_CODES, type ChannelCode } from "../types";
import { startSimulator } from "./server";

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 200_000);
  const limit = Number(process.argv[3] ?? 1000);
  const arg = process.argv[4] ?? "pos";
  const channel = (CHANNEL_CODES as readonly string[]).includes(arg) ? (arg as ChannelCode) : "pos";

  let t = performance.now();
  const sim = await startSimulator({ channel, seed: 1, total, pageSize: limit });
  console.log(`${channel}: feed of ${total} messages (${sim.stats().logLength} log entries) built in ${(performance.now() - t).toFixed(0)} ms`);

  // Raw HTTP: what the simulator itself costs (server generation + JSON + transfer + JSON.parse).
  t = performance.now();
  let cursor: string | null = null;
  let items = 0;
  let bytes = 0;
  for (;;) {
    const q: string = cursor ? `&cursor=${cursor}` : "";
    const res = await fetch(`${sim.url}/api/v1/messages?limit=${limit}${q}`);
    const text = await res.text();
    bytes += text.length;
    const page = JSON.parse(text) as { items: unknown[]; next_cursor: string; has_more: boolean };
    items += page.items.length;
    cursor = page.next_cursor;
    if (!page.has_more) break;
  }
  let ms = performance.now() - t;
  console.log(`raw HTTP: ${items} items, ${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms → ${Math.round((items / ms) * 1000)} items/s`);

  // Through the adapter: plus zod validation, sanitizing and normalizing every item.
  const adapter = createAdapter(channel, { baseUrl: sim.url, token: "bench", timeoutMs: 30_000, maxRetries: 0 });
  t = performance.now();
  let ok = 0;
  let bad = 0;
  for await (const page of adapter.pages(null, limit)) {
    for (const item of page.items) item.result.ok ? ok++ : bad++;
  }
  ms = performance.now() - t;
  console.log(`adapter: ${ok} ok + ${bad} invalid in ${ms.toFixed(0)} ms → ${Math.round(((ok + bad) / ms) * 1000)} items/s`);
  await sim.close();
}

void main();
