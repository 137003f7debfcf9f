// The embedded database (PGlite behind its socket server) is one session shared by every
// connection: several connections' extended-protocol queries must not interleave
// (electric-sql/pglite#1046), or a query runs another connection's statement and returns its rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/lib/db/embedded";

let emb: EmbeddedDb;
beforeAll(async () => {
  emb = await startEmbeddedPostgres();
}, 60_000);
afterAll(async () => {
  await emb?.stop();
});

describe("embedded database with several connections", () => {
  it("each connection gets the rows of its own parameterised queries", async () => {
    const clients = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = new pg.Client({ connectionString: emb.url });
        await c.connect();
        return c;
      }),
    );
    try {
      const runs = clients.map(async (c, k) => {
        const wrong: string[] = [];
        for (let i = 0; i < 40; i++) {
          // Each connection asks something of a different shape; the first sends parameters big
          // enough (like a channel page) to reach the server in several pieces.
          const big = k === 0 ? "я".repeat(300_000 + i) : "";
          const r =
            k === 0
              ? await c.query(`SELECT $1::int AS n, length($2::text) AS len`, [i, big])
              : await c.query(`SELECT $1::int AS n, $2::text AS who${k}`, [i, `c${k}`]);
          const row = r.rows[0] as Record<string, unknown> | undefined;
          const ok = row && row.n === i && (k === 0 ? row.len === big.length : row[`who${k}`] === `c${k}`);
          if (!ok) wrong.push(`${k}:${i}:${JSON.stringify(row)?.slice(0, 80)}`);
        }
        return wrong;
      });
      const settled = await Promise.allSettled(runs);
      const errors = settled.flatMap((s) => (s.status === "rejected" ? [String(s.reason)] : s.value));
      expect(errors).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    }
  }, 60_000);

  it("a transaction on one connection is not joined by another connection's queries", async () => {
    const [a, b] = [new pg.Client({ connectionString: emb.url }), new pg.Client({ connectionString: emb.url })];
    await a.connect();
    await b.connect();
    try {
      await a.query("CREATE TABLE IF NOT EXISTS emb_t (v int)");
      await a.query("BEGIN");
      await a.query("INSERT INTO emb_t VALUES ($1)", [1]);
      const other = b.query("INSERT INTO emb_t VALUES ($1)", [2]);
      await a.query("ROLLBACK");
      await other;
      const rows = (await b.query("SELECT v FROM emb_t ORDER BY v")).rows.map((r) => r.v);
      expect(rows).toEqual([2]);
    } finally {
      await a.end();
      await b.end();
    }
  }, 60_000);
});
