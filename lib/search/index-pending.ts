// Fills messages.search_vector (Russian full-text) for rows ingested since the last run. Kept
// off the ingest hot path: Russian stemming costs ~30 µs a row. Runs as a frequent job; a message
// is searchable a few seconds after it arrives. Then messages.search_masked: the same text with
// residents' personal data masked (lib/privacy/mask.ts), which the searches of roles without the
// right to personal data use; the masking runs here in the application, its rows are found by a
// partial index of the NULLs (new messages, edited ones and, after the migration, every old one).
import type pg from "pg";
import { maskPersonalData } from "@/lib/privacy/mask";

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
  return indexed + (await indexPendingMasked(client, maxBatches));
}

const MASKED_BATCH = 1_000;

export async function indexPendingMasked(client: pg.PoolClient | pg.Client, maxBatches = 1_000): Promise<number> {
  let done = 0;
  for (let i = 0; i < maxBatches; i++) {
    const { rows } = await client.query<{ id: number; title: string | null; text_clean: string }>(
      `SELECT id, title, text_clean FROM messages WHERE search_masked IS NULL ORDER BY id LIMIT $1`,
      [MASKED_BATCH],
    );
    if (!rows.length) break;
    const texts = rows.map((r) => maskPersonalData(`${r.title ?? ""} ${r.text_clean}`));
    await client.query(
      `UPDATE messages m SET search_masked = to_tsvector('russian', u.t)
       FROM unnest($1::int[], $2::text[]) AS u(id, t) WHERE m.id = u.id`,
      [rows.map((r) => r.id), texts],
    );
    done += rows.length;
    if (rows.length < MASKED_BATCH) break;
  }
  return done;
}
