// Fills a scratch database with N messages for the dashboard benchmark, by COPY: two years of
// registrations (denser recently), the four channels, every topic and its block, statuses by age,
// and the fields the dashboard reads — answered_at (a few days typically, some late), due_at,
// ratings (last_rating, rating_satisfied), reopen_count — plus the curators' contact_attempts on
// ПОС messages whose answer needed a call. Deterministic (fixed seed). Needs seedReference and
// seedDemoUsers first, and an empty messages table.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { channelOf, REGIME, statusFresh, statusOld, statusRecent, weighted } from "./common";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const scoreOf = weighted<string>([
  ["5", 38],
  ["4", 22],
  ["3", 12],
  ["2", 10],
  ["1", 18],
]);

export type FillResult = { messages: number; contacts: number; copySeconds: number; indexSeconds: number };

export async function fillDashboardMessages(
  url: string,
  n: number,
  log: (s: string) => void = console.log,
): Promise<FillResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const topics = (await c.query<{ id: number; block_id: number }>(`SELECT id, block_id FROM topics ORDER BY id`))
      .rows;
    const curators = (
      await c.query<{ block_id: number; user_id: number }>(`SELECT block_id, user_id FROM block_curators`)
    ).rows;
    const curatorOf = new Map(curators.map((r) => [r.block_id, r.user_id]));
    const anyCurator = curators[0]?.user_id;
    if (!topics.length || anyCurator === undefined)
      throw new Error("fill: reference data (topics, block curators) missing");
    const [{ max }] = (await c.query<{ max: number }>(`SELECT coalesce(max(id), 0)::int AS max FROM messages`)).rows;
    if (max !== 0) throw new Error("fill: messages must be empty");

    const now = Date.now();
    let seed = 20261128;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    const contacts: string[] = [];
    function* rows(): Generator<string> {
      const BATCH = 5_000;
      for (let start = 0; start < n; start += BATCH) {
        let out = "";
        for (let i = start; i < Math.min(n, start + BATCH); i++) {
          const ageDays = 730 * Math.pow(rnd(), 1.3);
          const reg = now - ageDays * DAY;
          const status = ageDays < 1 ? statusFresh(rnd()) : ageDays < 20 ? statusRecent(rnd()) : statusOld(rnd());
          const ch = channelOf(rnd());
          const t = topics[Math.floor(rnd() * topics.length)];
          const unrouted = status === "new" || status === "returned";
          const blockId = unrouted && rnd() < 0.5 ? null : t.block_id;
          const due = reg + 14 * DAY;
          const atRisk = reg + 11.2 * DAY;
          // Answer time: mostly 2–10 days, a tail past the deadline.
          const answerable =
            status === "answered" ||
            status === "closed" ||
            status === "reopened" ||
            (status === "in_work" && rnd() < 0.05);
          let answered: number | null = null;
          if (answerable) {
            const h = rnd() < 0.12 ? (14 + rnd() * 20) * 24 : (0.5 + Math.pow(rnd(), 1.5) * 12) * 24;
            answered = Math.min(reg + h * HOUR, now - 10 * 60_000);
          }
          const reopen = status === "reopened" || (status === "closed" && rnd() < 0.05) ? 1 : 0;
          let score: number | null = null;
          if ((status === "closed" || status === "reopened") && rnd() < (ch === "pos" ? 0.7 : 0.25)) {
            score = status === "reopened" ? 1 + Math.floor(rnd() * 3) : Number(scoreOf(rnd()));
          }
          const closed = status === "closed" && answered !== null ? Math.min(answered + 2 * DAY, now) : null;
          const callNeeded =
            ch === "pos" &&
            (status === "awaiting_contact" || status === "answered" || status === "closed" || answered !== null);
          if (callNeeded && rnd() < (status === "awaiting_contact" ? 0.3 : 0.92)) {
            const at = answered !== null ? answered - HOUR : Math.min(reg + 5 * DAY, now - HOUR);
            const who = (blockId !== null ? curatorOf.get(blockId) : undefined) ?? anyCurator;
            contacts.push(`${i + 1}\t${who}\treached\t${new Date(at).toISOString()}\n`);
          }
          const updated = Math.max(reg, answered ?? 0, closed ?? 0);
          out +=
            [
              ch,
              `d-${i}`,
              REGIME[ch],
              status,
              "Обращение жителя",
              "Обращение жителя",
              t.id,
              "model",
              blockId ?? "\\N",
              blockId ? "topic_map" : "none",
              new Date(reg).toISOString(),
              new Date(reg).toISOString(),
              new Date(due).toISOString(),
              new Date(atRisk).toISOString(),
              answered === null ? "\\N" : new Date(answered).toISOString(),
              closed === null ? "\\N" : new Date(closed).toISOString(),
              reopen,
              score ?? "\\N",
              score === null ? "\\N" : score >= 4 ? "t" : "f",
              new Date(updated).toISOString(),
            ].join("\t") + "\n";
        }
        yield out;
      }
    }
    // Bulk load the way a restore does: drop the secondary indexes, COPY, build them once.
    const idx = (
      await c.query<{ name: string; def: string }>(
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename IN ('messages', 'contact_attempts') AND indexname NOT LIKE '%_pkey'`,
      )
    ).rows;
    for (const i of idx) await c.query(`DROP INDEX "${i.name}"`);
    const t0 = performance.now();
    await pipeline(
      Readable.from(rows()),
      c.query(
        copyFrom(
          `COPY messages (channel, external_id, regime, status, text_raw, text_clean, topic_id, topic_source, block_id, block_source,
         source_created_at, registered_at, due_at, at_risk_at, answered_at, closed_at, reopen_count, last_rating, rating_satisfied, updated_at) FROM STDIN`,
        ),
      ),
    );
    const [{ lo, hi }] = (
      await c.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) AS hi FROM messages`)
    ).rows;
    if (lo !== 1 || hi !== n) throw new Error(`fill: unexpected message ids ${lo}..${hi}`);
    await pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < contacts.length; i += 5000) yield contacts.slice(i, i + 5000).join("");
        })(),
      ),
      c.query(copyFrom(`COPY contact_attempts (message_id, curator_id, outcome, created_at) FROM STDIN`)),
    );
    const copySeconds = (performance.now() - t0) / 1000;
    log(`COPY of ${n} messages and ${contacts.length} contact attempts: ${copySeconds.toFixed(1)} s`);
    const ti = performance.now();
    await c.query(`SET maintenance_work_mem = '256MB'`);
    for (const i of idx) await c.query(i.def);
    await c.query(`VACUUM ANALYZE messages`);
    await c.query(`VACUUM ANALYZE contact_attempts`);
    const indexSeconds = (performance.now() - ti) / 1000;
    log(`rebuilt ${idx.length} indexes + VACUUM ANALYZE: ${indexSeconds.toFixed(1)} s`);
    return { messages: n, contacts: contacts.length, copySeconds, indexSeconds };
  } finally {
    await c.end();
  }
}
