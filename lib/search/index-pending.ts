// Fills messages.search_vector (Russian full-text) for rows ingested since the last run. Kept
// off the ingest hot path: Russian stemming costs ~30 µs a row. Runs as a frequent job; a message
// is searchable a few seconds after it arrives.
import type pg from "pg";

const KEY = "search_indexer";
const BATCH = 5_000;
// Ids are allocated before commit, so a slow transaction can commit rows below the watermark;
// each run re-checks this many ids below it (a cheap primary-key range).
const LOOKBACK = 50_000;

export async function indexPendingSearch(client: pg.PoolClient | pg.Client, maxBatches = 1_000): Promise<number> {
  const st = await client.query<{ value: { lastId: number } }>(`SELECT value FROM settings WHERE key = $1`, [KEY]);
  let lastId = st.rows[0]?.value.lastId ?? 0;
  const max = (await client.query<{ max: number | null }>(`SELECT max(id) AS max FROM messages`)).rows[0].max ?? 0;
  let indexed = 0;
  let from = Math.max(0, lastId - LOOKBACK);
  for (let i = 0; i < maxBatches && from < max; i++) {
    const to = Math.min(max, from + BATCH);
    const r = await client.query(
      `UPDATE messages SET search_vector = to_tsvector('russian', coalesce(title, '') || ' ' || text_clean)
       WHERE id > $1 AND id <= $2 AND search_vector IS NULL`,
      [from, to],
    );
    indexed += r.rowCount ?? 0;
    from = to;
    lastId = Math.max(lastId, to);
  }
  await client.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = $2, updated_at = now()`,
    [KEY, JSON.stringify({ lastId })],
  );
  return indexed;
}
