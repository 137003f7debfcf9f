/**
 * Throughput of a simulator over HTTP, and of the adapter on top of it.
 *   npx tsx lib/channels/simulator/bench.ts [total=200000] [limit=1000] [channel=pos] [--inproc]
 * By default the simulator runs in a child process, as with `npm run simulators`, so server and
 * client do not share one thread; --inproc runs both in this process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createAdapter } from "../adapter";
import { CHANNEL_CODES, type ChannelCode } from "../types";
import { startSimulator } from "./server";

type Served = { url: string; stop: () => Promise<void>; logLength: number; renderMs: () => Promise<number | null> };

function channelArg(arg: string | undefined): ChannelCode {
  return (CHANNEL_CODES as readonly string[]).includes(arg ?? "") ? (arg as ChannelCode) : "pos";
}

/** Child mode: start a simulator and report its URL on stdout. */
async function serve(total: number, limit: number, channel: ChannelCode): Promise<void> {
  const sim = await startSimulator({ channel, seed: 1, total, pageSize: limit });
  process.stdout.write(`${JSON.stringify({ url: sim.url, logLength: sim.stats().logLength })}\n`);
  process.stdin.on("data", () => process.stdout.write(`${JSON.stringify({ renderMs: sim.stats().renderMs })}\n`));
  process.stdin.on("end", () => void sim.close().then(() => process.exit(0)));
}

async function startChild(total: number, limit: number, channel: ChannelCode): Promise<Served> {
  const script = fileURLToPath(import.meta.url);
  const child: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, script, String(total), String(limit), channel, "--serve"],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let buf = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buf += chunk.toString("utf8");
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const w = waiters.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const l = lines.shift();
      if (l !== undefined) resolve(l);
      else waiters.push(resolve);
    });
  const hello = JSON.parse(await nextLine()) as { url: string; logLength: number };
  return {
    url: hello.url,
    logLength: hello.logLength,
    renderMs: async () => {
      child.stdin?.write("?");
      return (JSON.parse(await nextLine()) as { renderMs: number }).renderMs;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin?.end();
      }),
  };
}

async function startInProcess(total: number, limit: number, channel: ChannelCode): Promise<Served> {
  const sim = await startSimulator({ channel, seed: 1, total, pageSize: limit });
  return {
    url: sim.url,
    logLength: sim.stats().logLength,
    renderMs: async () => sim.stats().renderMs,
    stop: () => sim.close(),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const total = Number(args[0] ?? 200_000);
  const limit = Number(args[1] ?? 1000);
  const channel = channelArg(args[2]);
  if (process.argv.includes("--serve")) return serve(total, limit, channel);
  const inproc = process.argv.includes("--inproc");

  let t = performance.now();
  const served = inproc ? await startInProcess(total, limit, channel) : await startChild(total, limit, channel);
  console.log(
    `${channel}: ${total} messages, ${served.logLength} log entries; simulator ${inproc ? "in this process" : "in a child process"}, ready in ${(performance.now() - t).toFixed(0)} ms`,
  );

  // Raw HTTP: what serving costs (generation + JSON on the server, transfer + JSON.parse here).
  t = performance.now();
  let cursor: string | null = null;
  let items = 0;
  let bytes = 0;
  for (;;) {
    const q: string = cursor ? `&cursor=${cursor}` : "";
    const res = await fetch(`${served.url}/api/v1/messages?limit=${limit}${q}`);
    const text = await res.text();
    bytes += Buffer.byteLength(text);
    const page = JSON.parse(text) as { items: unknown[]; next_cursor: string; has_more: boolean };
    items += page.items.length;
    cursor = page.next_cursor;
    if (!page.has_more) break;
  }
  let ms = performance.now() - t;
  const renderMs = await served.renderMs();
  console.log(
    `raw HTTP: ${items} items, ${(bytes / 1e6).toFixed(0)} MB in ${ms.toFixed(0)} ms → ${Math.round((items / ms) * 1000)} items/s (server generation+JSON: ${renderMs?.toFixed(0)} ms)`,
  );

  // Through the adapter: plus zod validation, sanitizing and normalizing every item.
  const adapter = createAdapter(channel, { baseUrl: served.url, token: "bench", timeoutMs: 30_000, maxRetries: 0 });
  t = performance.now();
  let ok = 0;
  let bad = 0;
  for await (const page of adapter.pages(null, limit)) {
    for (const item of page.items) {
      if (item.result.ok) ok++;
      else bad++;
    }
  }
  ms = performance.now() - t;
  console.log(
    `adapter: ${ok} ok + ${bad} invalid in ${ms.toFixed(0)} ms → ${Math.round(((ok + bad) / ms) * 1000)} items/s`,
  );
  await served.stop();
}

void main();
