/** The adapter against the real simulators over HTTP. */
import { afterEach, describe, expect, it } from "vitest";
import { createAdapter, isChannelError, type AdapterOptions, type ChannelAdapter, type FetchedPage } from "./adapter";
import { ChannelError } from "./errors";
import { parseRetryAfter } from "./http-client";
import { startSimulator, type Simulator, type SimulatorOptions } from "./simulator";
import { encodeCursor } from "./simulator/cursor";

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function sim(opts: Omit<SimulatorOptions, "seed"> & { seed?: number }): Promise<Simulator> {
  const s = await startSimulator({ seed: 17, ...opts });
  open.push(s);
  return s;
}

/** Fast retries; sleeps are recorded so Retry-After can be checked without waiting. */
function adapterFor(s: Simulator, channel: SimulatorOptions["channel"], extra: Partial<AdapterOptions> = {}) {
  const sleeps: number[] = [];
  const adapter = createAdapter(channel, {
    baseUrl: s.url,
    token: "t",
    timeoutMs: 2000,
    maxRetries: 6,
    backoffBaseMs: 2,
    backoffMaxMs: 20,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { adapter, sleeps };
}

function posAdapter(s: Simulator) {
  return createAdapter("pos", {
    baseUrl: s.url,
    token: "t",
    timeoutMs: 2000,
    maxRetries: 3,
    backoffBaseMs: 2,
    sleep: async () => {},
  });
}

async function drain(adapter: ChannelAdapter, limit: number): Promise<FetchedPage[]> {
  const pages: FetchedPage[] = [];
  for await (const page of adapter.pages(null, limit)) pages.push(page);
  return pages;
}

function validIds(pages: FetchedPage[]): Set<string> {
  const ids = new Set<string>();
  for (const p of pages) for (const i of p.items) if (i.result.ok) ids.add(i.result.message.externalId);
  return ids;
}

async function expectChannelError(p: Promise<unknown>): Promise<ChannelError> {
  const e: unknown = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(isChannelError(e), String(e)).toBe(true);
  return e as ChannelError;
}

describe("fetchPage / pages", () => {
  it("pages through every message of every channel", async () => {
    for (const channel of ["pos", "incident", "smls", "sakhalin"] as const) {
      const s = await sim({ channel, total: 3000, faults: {} });
      const { adapter } = adapterFor(s, channel);
      const pages = await drain(adapter, 250);
      const ids = validIds(pages);
      expect(ids.size, channel).toBe(3000);
      expect(ids.has(s.externalIdOf(0)) && ids.has(s.externalIdOf(2999))).toBe(true);
      expect(pages.every((p) => p.items.every((i) => i.result.ok))).toBe(true);
      const last = pages[pages.length - 1];
      expect(last?.hasMore).toBe(false);
      // The simulator's cursor past the last entry of its log (3000 messages and their edits).
      expect(last?.nextCursor).toBe(encodeCursor("m", s.stats().logLength));
    }
  });

  it("delivers edits as the same id with a new version and text", async () => {
    const s = await sim({ channel: "pos", total: 1000, editRate: 0.1 });
    const { adapter } = adapterFor(s, "pos");
    const versions = new Map<string, Map<string, string>>();
    for (const page of await drain(adapter, 100)) {
      for (const { result } of page.items) {
        if (!result.ok) continue;
        const m = result.message;
        const byVersion = versions.get(m.externalId) ?? new Map<string, string>();
        byVersion.set(m.sourceVersion, m.textRaw);
        versions.set(m.externalId, byVersion);
      }
    }
    const edited = [...versions.values()].filter((v) => v.size > 1);
    expect(edited.length).toBeGreaterThan(30);
    for (const v of edited) expect(new Set(v.values()).size).toBe(v.size);
  });

  it("resumes from nextCursor and sees nothing new when caught up", async () => {
    const s = await sim({ channel: "smls", total: 300 });
    const { adapter } = adapterFor(s, "smls");
    const pages = await drain(adapter, 1000);
    const again = await adapter.fetchPage(pages[pages.length - 1]?.nextCursor ?? null, 100);
    expect(again.items).toEqual([]);
    expect(again.hasMore).toBe(false);
  });

  it("reports invalid items per item and keeps the raw body", async () => {
    const s = await sim({ channel: "pos", total: 2000, faults: { invalidItemRate: 0.05 } });
    const { adapter } = adapterFor(s, "pos");
    const pages = await drain(adapter, 200);
    const bad = pages.flatMap((p) => p.items.filter((i) => !i.result.ok));
    expect(bad.length).toBeGreaterThan(40);
    expect(bad.length).toBeLessThan(200);
    for (const item of bad) {
      expect(item.raw).toBeTypeOf("object");
      if (!item.result.ok) expect(item.result.error).toMatch(/\S+: /);
    }
    expect(validIds(pages).size).toBeGreaterThan(1800);
  });

  it.each([
    ["error5xx", { error5xxRate: 0.3 }],
    ["timeout", { timeoutRate: 0.3, timeoutMs: 2000 }],
    ["malformed", { malformedRate: 0.3 }],
    ["rateLimited", { rateLimitRate: 0.3, retryAfterSec: 2 }],
  ] as const)("survives %s faults by retrying", async (fault, faults) => {
    const s = await sim({ channel: "incident", total: 2000, faults });
    // A generous timeout except where timeouts are the point, so a busy CI box adds no retries.
    const { adapter, sleeps } = adapterFor(s, "incident", {
      timeoutMs: fault === "timeout" ? 400 : 10_000,
      maxRetries: 10,
    });
    const ids = validIds(await drain(adapter, 200));
    expect(ids.size).toBe(2000);
    const injected = s.stats().faults[fault];
    expect(injected).toBeGreaterThan(0);
    if (fault === "timeout") expect(sleeps.length).toBeGreaterThanOrEqual(injected);
    else expect(sleeps.length).toBe(injected);
    if (fault === "rateLimited") expect(sleeps.every((ms) => ms === 2000)).toBe(true);
    else expect(sleeps.every((ms) => ms <= 20)).toBe(true);
  });

  it.each([
    ["http", { error5xxRate: 1 }],
    ["timeout", { timeoutRate: 1, timeoutMs: 1000 }],
    ["malformed", { malformedRate: 1 }],
    ["rate_limited", { rateLimitRate: 1 }],
  ] as const)("throws ChannelError(%s) once retries are exhausted", async (code, faults) => {
    const s = await sim({ channel: "sakhalin", total: 100, faults });
    const { adapter, sleeps } = adapterFor(s, "sakhalin", { timeoutMs: 100, maxRetries: 2 });
    const e = await expectChannelError(adapter.fetchPage(null, 50));
    expect(e.code).toBe(code);
    expect(e.attempts).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it("gives up at once on a Retry-After longer than maxRetryAfterMs", async () => {
    const s = await sim({ channel: "pos", total: 10, faults: { rateLimitRate: 1, retryAfterSec: 120 } });
    const { adapter, sleeps } = adapterFor(s, "pos", { maxRetryAfterMs: 60_000 });
    const e = await expectChannelError(adapter.fetchPage(null, 10));
    expect(e).toMatchObject({ code: "rate_limited", attempts: 1, retryAfterMs: 120_000 });
    expect(sleeps).toHaveLength(0);
  });

  it("does not retry client errors (bad token, bad cursor)", async () => {
    const s = await sim({ channel: "pos", total: 10, token: "secret" });
    const { adapter: wrong } = adapterFor(s, "pos");
    const e1 = await expectChannelError(wrong.fetchPage(null, 10));
    expect(e1).toMatchObject({ code: "http", status: 401, remoteCode: "unauthorized", attempts: 1, retryable: false });
    const { adapter } = adapterFor(s, "pos", { token: "secret" });
    expect((await adapter.fetchPage(null, 10)).items).toHaveLength(10);
    const e2 = await expectChannelError(adapter.fetchPage("not-a-cursor", 10));
    expect(e2).toMatchObject({ code: "http", status: 400, remoteCode: "invalid_cursor", attempts: 1 });
  });

  it("reports network errors when nobody listens", async () => {
    const s = await startSimulator({ channel: "pos", seed: 1, total: 1 });
    await s.close();
    const { adapter } = adapterFor(s, "pos", { maxRetries: 1 });
    const e = await expectChannelError(adapter.fetchPage(null, 10));
    expect(e).toMatchObject({ code: "network", attempts: 2 });
  });
});

describe("sendAnswer", () => {
  it("is idempotent on the key and rejects a reused key with other text", async () => {
    const s = await sim({ channel: "pos", total: 50 });
    const { adapter } = adapterFor(s, "pos");
    const id = s.externalIdOf(3);
    const first = await adapter.sendAnswer(id, "Яма будет заделана до 1 декабря.", "key-1");
    const replay = await adapter.sendAnswer(id, "Яма будет заделана до 1 декабря.", "key-1");
    expect(first.duplicate).toBe(false);
    expect(replay).toEqual({ ...first, duplicate: true });
    expect(s.receivedAnswers).toHaveLength(1);
    expect(s.receivedAnswers[0]).toMatchObject({ externalId: id, idempotencyKey: "key-1" });
    const e = await expectChannelError(adapter.sendAnswer(id, "Другой текст", "key-1"));
    expect(e).toMatchObject({ code: "http", status: 409, remoteCode: "idempotency_conflict", attempts: 1 });
    const e404 = await expectChannelError(adapter.sendAnswer("1", "Текст", "key-2"));
    expect(e404.status).toBe(404);
  });

  it("retries failed dispatches with the same key and is recorded once", async () => {
    const s = await sim({ channel: "pos", total: 50, failFirstAnswers: 2 });
    const { adapter, sleeps } = adapterFor(s, "pos");
    const receipt = await adapter.sendAnswer(s.externalIdOf(7), "Ответ", "key-7");
    expect(receipt.duplicate).toBe(false);
    expect(sleeps).toHaveLength(2);
    expect(s.stats().answerRequests).toBe(3);
    expect(s.receivedAnswers).toHaveLength(1);
  });

  it("works on the other channels too", async () => {
    for (const channel of ["incident", "smls", "sakhalin"] as const) {
      const s = await sim({ channel, total: 20 });
      const { adapter } = adapterFor(s, channel);
      await adapter.sendAnswer(s.externalIdOf(1), "Спасибо, передали в работу.", `k-${channel}`);
      expect(s.receivedAnswers).toHaveLength(1);
    }
  });
});

describe("fetchRatings (ПОС)", () => {
  it("returns ratings set by the resident, then only new ones from the cursor", async () => {
    const s = await sim({ channel: "pos", total: 50, autoRate: false });
    const adapter = posAdapter(s);
    s.setRating(s.externalIdOf(1), 5);
    s.setRating(s.externalIdOf(2), { satisfied: false, comment: "Ничего не сделано" });
    const first = await adapter.fetchRatings(null);
    const ratings = first.items.map((i) => (i.result.ok ? i.result.rating : null));
    expect(ratings).toMatchObject([
      { messageExternalId: s.externalIdOf(1), score: 5, satisfied: true, comment: null },
      { messageExternalId: s.externalIdOf(2), score: null, satisfied: false, comment: "Ничего не сделано" },
    ]);
    expect((await adapter.fetchRatings(first.nextCursor)).items).toHaveLength(0);
    s.setRating(s.externalIdOf(1), 2);
    const next = await adapter.fetchRatings(first.nextCursor);
    expect(next.items.map((i) => (i.result.ok ? i.result.rating.score : null))).toEqual([2]);
  });

  it("generates ratings for answered messages", async () => {
    const s = await sim({ channel: "pos", total: 200 });
    const adapter = posAdapter(s);
    for (let i = 0; i < 40; i++) await adapter.sendAnswer(s.externalIdOf(i), `Ответ ${i}`, `k${i}`);
    const page = await adapter.fetchRatings(null, 1000);
    const answered = new Set(s.receivedAnswers.map((a) => a.externalId));
    expect(page.items.length).toBeGreaterThan(20);
    for (const item of page.items) {
      expect(item.result.ok).toBe(true);
      if (item.result.ok) expect(answered.has(item.result.rating.messageExternalId)).toBe(true);
    }
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe("adapter with a stubbed transport", () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });

  it("treats a 2xx with the wrong envelope as malformed and retries it", async () => {
    const bodies = [json(200, { data: [] }), json(200, { items: [], next_cursor: "c1", has_more: false })];
    const calls: string[] = [];
    const adapter = createAdapter("pos", {
      baseUrl: "http://stub/",
      token: "tok",
      timeoutMs: 1000,
      maxRetries: 3,
      sleep: async () => {},
      fetchImpl: async (url, init) => {
        calls.push(`${init.method} ${url} ${new Headers(init.headers).get("authorization")}`);
        const next = bodies.shift();
        if (!next) throw new Error("no more responses");
        return next;
      },
    });
    const page = await adapter.fetchPage(null, 10);
    expect(page).toEqual({ items: [], nextCursor: "c1", hasMore: false });
    expect(calls).toEqual([
      "GET http://stub/api/v1/messages?limit=10 Bearer tok",
      "GET http://stub/api/v1/messages?limit=10 Bearer tok",
    ]);
  });

  it("stops paging when the server does not advance the cursor", async () => {
    const adapter = createAdapter("smls", {
      baseUrl: "http://stub",
      token: "t",
      timeoutMs: 1000,
      maxRetries: 0,
      fetchImpl: async () => json(200, { items: [], next_cursor: "same", has_more: true }),
    });
    let pages = 0;
    for await (const _ of adapter.pages("same", 10)) pages++;
    expect(pages).toBe(1);
  });

  it("rejects a bad limit before calling the server", async () => {
    const adapter = createAdapter("pos", {
      baseUrl: "http://stub",
      token: "t",
      timeoutMs: 1000,
      maxRetries: 0,
      fetchImpl: async () => json(200, {}),
    });
    await expect(adapter.fetchPage(null, 0)).rejects.toThrow(RangeError);
    await expect(adapter.fetchPage(null, 1001)).rejects.toThrow(RangeError);
  });
});
