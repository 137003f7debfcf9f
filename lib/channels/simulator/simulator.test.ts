import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator, type SimulatorOptions } from ".";

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function sim(opts: SimulatorOptions): Promise<Simulator> {
  const s = await startSimulator(opts);
  open.push(s);
  return s;
}

type Page = { items: Record<string, unknown>[]; next_cursor: string; has_more: boolean };
async function page(
  s: Simulator,
  query = "",
  path = "/api/v1/messages",
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Page; text: string; res: Response }> {
  const res = await fetch(`${s.url}${path}${query ? `?${query}` : ""}`, { headers });
  const text = await res.text();
  let body = { items: [], next_cursor: "", has_more: false } as Page;
  try {
    body = JSON.parse(text) as Page;
  } catch {
    // left as empty; some tests look at text
  }
  return { status: res.status, body, text, res };
}

const anchor = new Date("2026-11-20T00:00:00Z");

describe("simulator", () => {
  it("serves identical pages for the same seed and anchor, different ones for another seed", async () => {
    const a = await sim({ channel: "pos", seed: 5, total: 300, anchor });
    const b = await sim({ channel: "pos", seed: 5, total: 300, anchor });
    const c = await sim({ channel: "pos", seed: 6, total: 300, anchor });
    const strip = (t: string) => t.replace(/http:\/\/127\.0\.0\.1:\d+/g, "");
    const pa = await page(a, "limit=100");
    const pb = await page(b, "limit=100");
    expect(strip(pa.text)).toBe(strip(pb.text));
    const second = await page(a, `limit=100&cursor=${pa.body.next_cursor}`);
    const secondB = await page(b, `limit=100&cursor=${pb.body.next_cursor}`);
    expect(strip(second.text)).toBe(strip(secondB.text));
    expect(strip((await page(c, "limit=100")).text)).not.toBe(strip(pa.text));
  });

  it("serves the same pages from its page cache, and prerender renders exactly the pages a client walks", async () => {
    const plain = await sim({ channel: "pos", seed: 9, total: 450, anchor, overlapRate: 0.5 });
    const cached = await sim({ channel: "pos", seed: 9, total: 450, anchor, overlapRate: 0.5, cachePages: true });
    const strip = (t: string) => t.replace(/http:\/\/127\.0\.0\.1:\d+/g, "");
    const pages = cached.prerender(100);
    const rendered = cached.stats().renderMs;
    let cursor = "";
    let walked = 0;
    for (;;) {
      const a = await page(plain, `limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      const b = await page(cached, `limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      expect(strip(b.text)).toBe(strip(a.text));
      walked++;
      if (!a.body.has_more) break;
      cursor = a.body.next_cursor;
    }
    expect(walked).toBe(pages);
    expect(cached.stats().renderMs).toBe(rendered);
  });

  it("repeats the tail of a page on the next one when overlapping", async () => {
    const s = await sim({ channel: "incident", seed: 1, total: 500, overlapRate: 1, editRate: 0 });
    const first = await page(s, "limit=50");
    const second = await page(s, `limit=50&cursor=${first.body.next_cursor}`);
    const lastIds = first.body.items.slice(-2).map((i) => i.id);
    expect(lastIds).toContain(second.body.items[0]?.id);
  });

  it("keeps created_at non-decreasing and edits later than the original", async () => {
    const s = await sim({ channel: "sakhalin", seed: 2, total: 2000, editRate: 0.1, pageSize: 1000 });
    const seen = new Map<unknown, string>();
    let cursor = "";
    let prevCreatedOfNew = "";
    let editsSeen = 0;
    for (;;) {
      const p = await page(s, `limit=1000${cursor ? `&cursor=${cursor}` : ""}`);
      for (const item of p.body.items) {
        const created = String(item.created_at);
        const updated = String(item.updated_at);
        if (!seen.has(item.id)) {
          expect(created >= prevCreatedOfNew).toBe(true);
          prevCreatedOfNew = created;
          seen.set(item.id, updated);
        } else if (updated !== seen.get(item.id)) {
          editsSeen++;
          expect(updated > created).toBe(true);
        }
      }
      cursor = p.body.next_cursor;
      if (!p.body.has_more) break;
    }
    expect(seen.size).toBe(2000);
    expect(editsSeen).toBeGreaterThan(50);
  });

  it("lets messages trickle in over time", async () => {
    let now = anchor.getTime();
    const s = await sim({
      channel: "smls",
      seed: 3,
      total: 1000,
      ratePerSec: 2,
      initial: 10,
      anchor,
      now: () => now,
      editRate: 0,
    });
    const first = await page(s, "limit=100");
    expect(first.body.items).toHaveLength(10);
    expect(first.body.has_more).toBe(false);
    now += 5_000;
    const next = await page(s, `limit=100&cursor=${first.body.next_cursor}`);
    expect(next.body.items).toHaveLength(10);
    expect(next.body.items[0]?.id).toBe(s.externalIdOf(10));
    // Arrived messages are dated when they arrive.
    const arrived = Date.parse(String(next.body.items[0]?.created_at));
    expect(arrived).toBeGreaterThanOrEqual(anchor.getTime());
    expect(arrived).toBeLessThanOrEqual(anchor.getTime() + 5000);
    expect(s.stats().availableMessages).toBe(20);
    // Not yet arrived: cannot be answered.
    const res = await fetch(`${s.url}/api/v1/messages/${s.externalIdOf(500)}/answer`, {
      method: "POST",
      headers: { "idempotency-key": "k", "content-type": "application/json" },
      body: JSON.stringify({ text: "x" }),
    });
    expect(res.status).toBe(404);
  });

  it("rejects bad cursors, limits, tokens and routes with JSON errors", async () => {
    const s = await sim({ channel: "pos", seed: 4, total: 10, token: "tok", editRate: 0 });
    const auth = { authorization: "Bearer tok" };
    const unauth = await page(s, "", "/api/v1/messages");
    expect(unauth.status).toBe(401);
    expect(unauth.res.headers.get("www-authenticate")).toBe("Bearer");
    expect(JSON.parse(unauth.text)).toMatchObject({ error: { code: "unauthorized" } });
    expect((await page(s, "cursor=%%%", "/api/v1/messages", auth)).text).toMatch(/invalid_cursor/);
    expect((await page(s, "cursor=bTo5OTk5", "/api/v1/messages", auth)).status).toBe(400); // beyond the feed
    expect((await page(s, "limit=0", "/api/v1/messages", auth)).text).toMatch(/invalid_limit/);
    expect((await page(s, "limit=1001", "/api/v1/messages", auth)).status).toBe(400);
    expect((await page(s, "", "/api/v1/nothing", auth)).status).toBe(404);
    expect((await page(s, "", "/api/v1/messages", auth)).body.items).toHaveLength(10);
  });

  it("serves ratings only on ПОС", async () => {
    const inc = await sim({ channel: "incident", seed: 1, total: 5 });
    expect((await page(inc, "", "/api/v1/ratings")).status).toBe(404);
    expect(() => inc.setRating(inc.externalIdOf(0), 5)).toThrow();
    const pos = await sim({ channel: "pos", seed: 1, total: 5 });
    expect(() => pos.setRating("123", 5)).toThrow(/unknown message/);
    expect(() => pos.setRating(pos.externalIdOf(0), 7)).toThrow();
  });

  it("serves placeholder files and source pages so links resolve", async () => {
    const s = await sim({ channel: "pos", seed: 1, total: 5 });
    const file = await fetch(`${s.url}/files/1/a.jpg`);
    expect(file.headers.get("content-type")).toBe("image/png");
    const view = await fetch(`${s.url}/view/vk/<script>`);
    expect(await view.text()).not.toContain("<script>");
  });

  it("injects invalid items only when asked", async () => {
    const clean = await sim({ channel: "pos", seed: 8, total: 1000, pageSize: 1000 });
    expect((await page(clean, "")).body.items.every((i) => typeof i.id === "string")).toBe(true);
    const dirty = await sim({ channel: "pos", seed: 8, total: 1000, pageSize: 1000, faults: { invalidItemRate: 0.1 } });
    const items = (await page(dirty, "")).body.items;
    const broken = items.filter(
      (i) => typeof i.id !== "string" || !/^\d{4}-\d\d-\d\dT/.test(String(i.created_at)) || typeof i.text !== "string",
    );
    expect(broken.length).toBeGreaterThan(20);
  });
});
