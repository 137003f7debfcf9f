// npm run bench:queue [-- --n 1000000 --runs 30 --no-http --duration 60 --connections 50 --rate <req/s> --think <s> --keep --db <url>]
// Fills a scratch database with N messages via COPY (realistic channels, statuses, topics, blocks
// and dates; texts reused from a few thousand generated Russian messages, their search vectors
// computed once per text), ANALYZEs, then times the queue's data functions (first page of each
// preset view, full-text search) and the /queue page over HTTP with concurrent signed-in users.
// --keep leaves the filled database; --db <url> measures an already filled one (no fill, no drop).
// The HTTP part starts the desk's web server (lib/cli/web.ts, a process per core) on the production
// build in NEXT_DIST_DIR (default .next); --connections users (coordinators bench_op_01…, added
// to the database once) each sign in as themself. It measures full page loads, then in-app
// navigation, then, for scale, full loads of the lightest signed-in page (/notifications);
// without --rate each of the users sends its next request as soon as the last one is answered
// (saturation), with --rate the users together send that many requests per second (autocannon
// fires them in bursts). A third run models people: the same number of users, each reading a page
// for --think seconds on average (default 1) before opening the next.
// Last line: RESULT queue_p95_ms=<n> search_p95_ms=<m>
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { CurrentUser } from "@/lib/auth/session";
import { env, processEnv } from "@/lib/env";
import { channelOf, copyText, pct, REGIME, statusFresh, statusOld, statusRecent, timeCalls } from "@/lib/bench/common";

const { values } = parseArgs({
  options: {
    n: { type: "string" },
    runs: { type: "string" },
    "no-http": { type: "boolean" },
    duration: { type: "string" },
    connections: { type: "string" },
    port: { type: "string" },
    keep: { type: "boolean" },
    db: { type: "string" },
    rate: { type: "string" },
    think: { type: "string" },
  },
});
const N = Number(values.n ?? 1_000_000);
const RUNS = Math.max(20, Number(values.runs ?? 30));
const DURATION = Number(values.duration ?? 60);
const CONNECTIONS = Number(values.connections ?? 50);
const PORT = Number(values.port ?? 3390);
const RATE = values.rate ? Number(values.rate) : undefined;
const THINK_S = Number(values.think ?? 1);
const TEMPLATES = 3000;
const DAY = 86_400_000;

const OPEN = [
  "new",
  "routed",
  "in_work",
  "answer_review",
  "awaiting_contact",
  "reopened",
  "returned",
  "extension_requested",
];
const time = (label: string, runs: number, fn: (i: number) => Promise<unknown>) => timeCalls(label, runs, fn);
const esc = copyText;

async function fill(url: string) {
  const { createRng, generateResidentMessage } = await import("@/lib/demo/generator");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const topics = (
    await c.query<{ id: number; code: string; block_id: number }>(`SELECT id, code, block_id FROM topics`)
  ).rows;
  const topicByCode = new Map(topics.map((t) => [t.code, t]));
  const rng = createRng(20261120);
  const styles = ["formal", "social", "chat", "portal"] as const;
  const tpl: { title: string; text: string; locality: string; topicId: number; blockId: number; tsv: string }[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const m = generateResidentMessage(rng, { style: styles[i % 4] });
    const text = m.text
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const t = topicByCode.get(m.topic) ?? topicByCode.get("other")!;
    tpl.push({ title: m.title, text, locality: m.locality, topicId: t.id, blockId: t.block_id, tsv: "" });
  }
  // Russian stemming once per distinct text, not per row (the indexer's job at ingest time).
  for (let i = 0; i < tpl.length; i += 500) {
    const part = tpl.slice(i, i + 500);
    const r = await c.query<{ v: string }>(
      `SELECT to_tsvector('russian', coalesce(t, '') || ' ' || x)::text AS v FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(t, x, o) ORDER BY o`,
      [part.map((p) => p.title), part.map((p) => p.text)],
    );
    r.rows.forEach((row, j) => {
      part[j].tsv = row.v;
    });
  }

  const now = Date.now();
  let seed = 12345;
  // 32-bit LCG: Math.imul keeps the product exact (a plain `*` overflows 2^53, loses the low bits
  // and collapses the sequence into a short cycle: a million rows with ~2,000 distinct dates).
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  function* rows(): Generator<string> {
    const BATCH = 5_000;
    for (let start = 0; start < N; start += BATCH) {
      let out = "";
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        // Two years of messages, a little denser recently.
        const ageDays = 730 * Math.pow(rnd(), 1.3);
        const reg = new Date(now - ageDays * DAY);
        const status = ageDays < 1 ? statusFresh(rnd()) : ageDays < 20 ? statusRecent(rnd()) : statusOld(rnd());
        const ch = channelOf(rnd());
        const t = tpl[Math.floor(rnd() * tpl.length)];
        const due = new Date(reg.getTime() + 14 * DAY);
        const atRisk = new Date(reg.getTime() + 11.2 * DAY);
        const review = OPEN.includes(status) && rnd() < 0.04;
        const unrouted = status === "new" || status === "returned";
        const blockId = unrouted && rnd() < 0.5 ? null : t.blockId;
        out +=
          [
            ch,
            `b-${i}`,
            REGIME[ch],
            status,
            esc(t.title),
            esc(t.text),
            esc(t.text),
            esc(t.locality),
            t.topicId,
            "model",
            blockId ?? "\\N",
            blockId ? "topic_map" : "none",
            review ? "t" : "f",
            reg.toISOString(),
            reg.toISOString(),
            due.toISOString(),
            atRisk.toISOString(),
            esc(t.tsv),
            reg.toISOString(),
          ].join("\t") + "\n";
      }
      yield out;
    }
  }
  // Bulk load the way a restore does: drop the secondary indexes, COPY, build them once.
  const idx = (
    await c.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'messages' AND indexname <> 'messages_pkey'`,
    )
  ).rows;
  for (const i of idx) await c.query(`DROP INDEX "${i.name}"`);
  const t0 = performance.now();
  await pipeline(
    Readable.from(rows()),
    c.query(
      copyFrom(
        `COPY messages (channel, external_id, regime, status, title, text_raw, text_clean, locality, topic_id, topic_source, block_id, block_source,
       needs_review, source_created_at, registered_at, due_at, at_risk_at, search_vector, updated_at) FROM STDIN`,
      ),
    ),
  );
  console.log(`COPY of ${N} messages: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const ti = performance.now();
  await c.query(`SET maintenance_work_mem = '256MB'`);
  for (const i of idx) await c.query(i.def);
  console.log(`rebuilt ${idx.length} indexes: ${((performance.now() - ti) / 1000).toFixed(1)} s`);
  const { indexPendingSearch } = await import("@/lib/search/index-pending");
  const t1 = performance.now();
  const indexed = await indexPendingSearch(c);
  console.log(`search indexer: ${indexed} rows left to index, ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const t2 = performance.now();
  await c.query(`VACUUM ANALYZE messages`);
  console.log(`VACUUM ANALYZE: ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  await c.end();
}

type Load = { p95: number; errors: number; requests: number };

/** What Chromium sends when a link on /queue is clicked (captured from a real click): the router
 * state tree tells the server that the layouts are on screen already, so only the page segment is
 * rendered. Were the route tree to change, the server would render every segment: slower, still
 * correct. */
const NAVIGATION_HEADERS: Record<string, string> = {
  rsc: "1",
  "next-router-state-tree": encodeURIComponent(
    JSON.stringify([
      "",
      {
        children: [
          "(desk)",
          { children: ["queue", { children: ["__PAGE__", {}, null, "refetch", 0] }, null, null, 0] },
          null,
          null,
          0,
        ],
      },
      null,
      null,
      16,
    ]),
  ),
  "next-url": "/queue",
};

/** `users` independent clients, each on its own keep-alive connection: wait a random think time
 * (exponential, mean thinkMs; 0 = none), GET a random path of the list, read the whole response,
 * repeat until the time is up. Unlike a fixed request rate, their requests do not come in bursts. */
async function thinkingUsers(
  base: string,
  cookies: string[],
  list: string[],
  users: number,
  seconds: number,
  thinkMs: number,
  opts: { rscOf?: (i: number) => boolean },
): Promise<Load & { p50: number }> {
  const { default: http } = await import("node:http");
  const agent = new http.Agent({ keepAlive: true, maxSockets: users });
  const url = new URL(base);
  const end = Date.now() + seconds * 1000;
  const lat: number[] = [];
  let errors = 0;
  let seed = 4242;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const get = (i: number, cookie: string) =>
    new Promise<number>((resolve) => {
      const headers: Record<string, string> = {
        cookie,
        "accept-encoding": "gzip, deflate, br",
        ...(opts.rscOf?.(i) ? NAVIGATION_HEADERS : {}),
      };
      const req = http.get({ host: url.hostname, port: url.port, path: list[i], headers, agent }, (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
      req.setTimeout(10_000, () => req.destroy());
    });
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      while (Date.now() < end) {
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, -Math.log(1 - rnd()) * thinkMs));
        if (Date.now() >= end) break;
        const t0 = performance.now();
        const status = await get(Math.floor(rnd() * list.length), cookies[user % cookies.length]);
        lat.push(performance.now() - t0);
        if (status < 200 || status >= 300) errors++;
      }
    }),
  );
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { p50: lat.length ? pct(lat, 50) : NaN, p95: lat.length ? pct(lat, 95) : NaN, errors, requests: lat.length };
}

/** Signs in through the credentials endpoint; returns the session cookie header. */
async function signIn(base: string, login: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, login, password, json: "true" }),
  });
  const cookie = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  if (!/session-token/.test(cookie)) throw new Error(`sign-in of ${login} failed (${res.status})`);
  return cookie;
}

/** The bench's operators: coordinators bench_op_01… in the scratch database, each signing in as
 * themself (created once, kept with the database). */
async function benchOperators(n: number): Promise<string[]> {
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/passwords");
  const { DEMO_PASSWORD } = await import("@/lib/seed/reference");
  const logins = Array.from({ length: n }, (_, i) => `bench_op_${String(i + 1).padStart(2, "0")}`);
  const have = new Set(
    (await db().user.findMany({ where: { login: { in: logins } }, select: { login: true } })).map((u) => u.login),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db().user.createMany({
    data: logins
      .map((login, i) => ({ login, passwordHash, fullName: `Оператор ${i + 1}`, role: "coordinator" as const }))
      .filter((u) => !have.has(u.login)),
  });
  return logins;
}

async function httpBench(url: string, logins: string[]): Promise<{ full: Load; nav: Load; people: Load } | null> {
  const distDir = env().NEXT_DIST_DIR;
  if (!existsSync(`${distDir}/BUILD_ID`)) {
    console.log(
      `HTTP: no production build (${distDir}/BUILD_ID); run \`NEXT_DIST_DIR=${distDir} npx next build\` first or pass --no-http`,
    );
    return null;
  }
  const base = `http://127.0.0.1:${PORT}`;
  // The desk's own web server (lib/cli/web.ts): one process per core unless WEB_CONCURRENCY says otherwise.
  const server: ChildProcess = spawn("npx", ["tsx", "lib/cli/web.ts", "-p", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...processEnv(),
      DATABASE_URL: url,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
      APP_ENV: "demo",
      DB_POOL_SIZE: "20",
      NODE_ENV: "production",
    },
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/login`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 240) throw new Error("next start did not come up");
      await new Promise((r) => setTimeout(r, 500));
    }
    // Every user signs in as themself through the credentials endpoint (a few at a time: each
    // sign-in is a bcrypt check).
    const { DEMO_PASSWORD } = await import("@/lib/seed/reference");
    const cookies: string[] = [];
    for (let i = 0; i < logins.length; i += 5)
      cookies.push(...(await Promise.all(logins.slice(i, i + 5).map((l) => signIn(base, l, DEMO_PASSWORD)))));
    const cookie = cookies[0];
    const check = await fetch(`${base}/queue`, { headers: { cookie } });
    if (!check.ok || !(await check.text()).includes("Очередь сообщений"))
      throw new Error(`queue page check failed (${check.status})`);

    // autocannon ships no types; only its documented options and events are used here.
    type Instance = {
      on: (ev: "response", fn: (c: unknown, s: number, b: number, rt: number) => void) => void;
      once: (ev: string, fn: (x: never) => void) => Instance;
    };
    const autocannonModule = "autocannon";
    const autocannon = (await import(autocannonModule)).default as (opts: Record<string, unknown>) => Instance;
    const paths = [
      "/queue",
      "/queue?preset=new",
      "/queue?preset=overdue",
      "/queue?preset=at_risk",
      "/queue?q=%D1%8F%D0%BC%D0%B0",
      "/queue?block=zhkh&sort=due",
      "/queue?page=3",
    ];
    // In-app navigation (a preset, a filter, the next page) fetches the page's React Server
    // Components payload, as the browser's router does: its headers and the `_rsc` query the
    // server redirects to.
    const rscPaths: string[] = [];
    for (const p of paths) {
      const r = await fetch(`${base}${p}`, { redirect: "manual", headers: { cookie, ...NAVIGATION_HEADERS } });
      const loc = r.status === 307 ? new URL(r.headers.get("location")!, base) : null;
      rscPaths.push(loc ? loc.pathname + loc.search : p);
    }
    const navCheck = await fetch(`${base}${rscPaths[1]}`, { headers: { cookie, ...NAVIGATION_HEADERS } });
    if (!navCheck.ok || !(await navCheck.text()).includes('"deadlineState"'))
      throw new Error(`navigation check failed (${navCheck.status})`);
    let turn = 0;
    const run = async (label: string, list: string[], extra: Record<string, string>) => {
      const lat: number[] = [];
      const inst = autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { "accept-encoding": "gzip, deflate, br", ...extra },
        ...(RATE ? { overallRate: RATE } : {}),
        // Each request goes as the next of the signed-in users.
        requests: list.map((p) => ({
          method: "GET" as const,
          path: p,
          setupRequest: (r: { headers: Record<string, string> }) => {
            r.headers = { ...r.headers, cookie: cookies[turn++ % cookies.length] };
            return r;
          },
        })),
      });
      inst.on("response", (_c: unknown, _s: number, _b: number, rt: number) => lat.push(rt));
      const res = await new Promise<{ errors: number; timeouts: number; non2xx: number; requests: { total: number } }>(
        (resolve, reject) => {
          inst.once("done", resolve).once("error", reject);
        },
      );
      lat.sort((a, b) => a - b);
      const p95 = lat.length ? pct(lat, 95) : NaN;
      // autocannon's `errors` already includes the timeouts.
      const errors = res.errors + res.non2xx;
      console.log(
        `HTTP ${label}: ${CONNECTIONS} users${RATE ? ` at ${RATE} req/s in all` : " (closed loop)"} × ${DURATION} s: ${res.requests.total} requests ` +
          `(${Math.round(res.requests.total / DURATION)}/s), p50 ${pct(lat, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, errors ${errors} (non-2xx ${res.non2xx}, timeouts ${res.timeouts})`,
      );
      return { p95, errors, requests: res.requests.total };
    };
    // Warm both web processes (module loading, JIT) with every user, page and kind of request
    // before anything is timed.
    await thinkingUsers(base, cookies, [...paths, ...rscPaths], CONNECTIONS, 10, 0, {
      rscOf: (i) => i >= paths.length,
    });
    const full = await run("full page loads", paths, {});
    const nav = await run("in-app navigation", rscPaths, NAVIGATION_HEADERS);
    // For scale: the lightest signed-in page of the desk (a short list of notifications), loaded
    // the same way: the floor that Next.js, the session and the layout set on this machine.
    await run("reference: /notifications, full page loads", ["/notifications"], {});
    // People, not robots: each of the users opens a page, reads it for a while (exponentially
    // distributed, THINK_S on average) and opens the next; 2/3 of the openings are in-app
    // navigation, 1/3 full page loads (a bookmark, a reload, a new tab).
    const mixed = [
      ...rscPaths.map((p) => ({ p, rsc: true })),
      ...rscPaths.map((p) => ({ p, rsc: true })),
      ...paths.map((p) => ({ p, rsc: false })),
    ];
    const people = await thinkingUsers(
      base,
      cookies,
      mixed.map((m) => m.p),
      CONNECTIONS,
      DURATION,
      THINK_S * 1000,
      { rscOf: (i) => mixed[i].rsc },
    );
    console.log(
      `HTTP ${CONNECTIONS} users reading ${THINK_S} s on average between pages × ${DURATION} s: ${people.requests} requests ` +
        `(${Math.round(people.requests / DURATION)}/s), p50 ${people.p50.toFixed(0)} ms, p95 ${people.p95.toFixed(0)} ms, errors ${people.errors}`,
    );
    return { full, nav, people };
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}

async function main() {
  const { createScratchDb } = await import("@/lib/db/scratch-db");
  const scratch = values.db ? { url: values.db, kind: "given", drop: async () => {} } : await createScratchDb("benchq");
  processEnv().DATABASE_URL = scratch.url; // before anything reads env() (it caches)
  const { db, disconnectDb } = await import("@/lib/db");
  const { closePgPool } = await import("@/lib/db/pg-pool");
  const { seedReference, seedDemoUsers } = await import("@/lib/seed/seed");
  const { listQueue } = await import("@/lib/queue/list-queue");
  const { queuePresetCounts } = await import("@/lib/queue/preset-counts");
  const { QUEUE_PRESETS } = await import("@/lib/queue/params");
  console.log(`database: ${scratch.kind}; messages: ${values.db ? "as filled" : N}; runs: ${RUNS}`);
  try {
    if (!values.db) {
      await seedReference(db());
      await seedDemoUsers(db());
      await fill(scratch.url);
    }
    // The signed-in coordinator as lib/auth/session's loadUser builds it (that module pulls in
    // next/navigation, which does not load outside Next.js).
    const cu = await db().user.findUniqueOrThrow({
      where: { login: "coordinator" },
      select: { id: true, fullName: true, login: true },
    });
    const u: CurrentUser = {
      id: cu.id,
      name: cu.fullName,
      login: cu.login,
      role: "coordinator",
      blockId: null,
      curatedBlockIds: [],
    };
    const curator = await db().user.findUniqueOrThrow({ where: { login: "curator_city" }, select: { id: true } });

    let queueP95 = 0;
    for (const p of [{ code: "", label: "Все (без фильтра)" }, ...QUEUE_PRESETS]) {
      const r = await time(`queue: ${p.label}`, RUNS, () => listQueue(u, p.code ? { preset: p.code } : {}));
      if (p.code) queueP95 = Math.max(queueP95, r.p95);
    }
    await time("queue: ЖКХ, по сроку, стр. 3", RUNS, () => listQueue(u, { block: "zhkh", sort: "due", page: "3" }));
    await time("queue: ПОС + просрочено + куратор", RUNS, () =>
      listQueue(u, { channel: "pos", deadline: "overdue", curator: String(curator.id) }),
    );
    const counts = await time("preset counts (uncached)", RUNS, () => queuePresetCounts(u, { fresh: true }));
    queueP95 = Math.max(queueP95, counts.p95);
    const QUERIES = [
      "яма",
      "мусор не вывозят",
      "отопление",
      "детский сад",
      "освещение улицы",
      "ямы на дороге",
      '"не работает" фонарь',
      "автобус",
    ];
    const search = await time("search (8 queries rotated)", RUNS, (i) =>
      listQueue(u, { q: QUERIES[i % QUERIES.length] }),
    );

    const logins = values["no-http"] ? [] : await benchOperators(CONNECTIONS);
    await closePgPool();
    await disconnectDb();
    if (!values["no-http"]) {
      const h = await httpBench(scratch.url, logins);
      const bar = (label: string, l: Load) =>
        console.log(
          `HTTP bar, ${label}: p95 ${l.p95.toFixed(0)} ms (≤ 300), errors ${l.errors} (0) — ${l.p95 <= 300 && l.errors === 0 ? "met" : "NOT met"}`,
        );
      if (h) {
        bar("full page loads, back to back", h.full);
        bar("in-app navigation, back to back", h.nav);
        bar(`${CONNECTIONS} users reading ${THINK_S} s between pages`, h.people);
      }
    }
    console.log(
      `bars: queue p95 ${queueP95.toFixed(1)} ms (≤ 50) ${queueP95 <= 50 ? "met" : "NOT met"}; search p95 ${search.p95.toFixed(1)} ms (≤ 100) ${search.p95 <= 100 ? "met" : "NOT met"}`,
    );
    console.log(`RESULT queue_p95_ms=${Math.round(queueP95)} search_p95_ms=${Math.round(search.p95)}`);
  } finally {
    if (!values.keep && !values.db) await scratch.drop();
    else console.log(`kept database: ${scratch.url}`);
  }
  process.exit(0);
}

await main();
