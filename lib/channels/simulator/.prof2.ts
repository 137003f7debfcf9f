import { startSimulator } from "./server";
const sim = await startSimulator({ channel: "pos", seed: 1, total: 50000, pageSize: 1000 });
let t = performance.now(); let cursor: string | null = null; let n = 0; let tf = 0, tt = 0, tp = 0;
for (;;) {
  const a = performance.now();
  const res = await fetch(`${sim.url}/api/v1/messages?limit=1000${cursor ? `&cursor=${cursor}` : ""}`);
  const b = performance.now();
  const text = await res.text();
  const c = performance.now();
  const page = JSON.parse(text) as { items: unknown[]; next_cursor: string; has_more: boolean };
  tp += performance.now() - c; tt += c - b; tf += b - a;
  n += page.items.length; cursor = page.next_cursor; if (!page.has_more) break;
}
console.log(n, performance.now() - t, { fetchHeaders: tf, text: tt, parse: tp });
await sim.close();
