import { startSimulator } from "./server";
for (const channel of ["pos", "incident", "smls", "sakhalin"] as const) {
const sim = await startSimulator({ channel, seed: 1, total: 1000, pageSize: 1000 });
const res = await fetch(`${sim.url}/api/v1/messages?limit=1000`);
const text = await res.text();
const page = JSON.parse(text) as { items: unknown[] };
console.log(channel, "chars/item", text.length / page.items.length, "bytes/item", Buffer.byteLength(text) / page.items.length);
console.log(JSON.stringify(page.items[3], null, 1));
await sim.close();
}
