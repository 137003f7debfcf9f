// Stores one channel page in one transaction together with the channel's cursor, so a crash
// mid-page loses nothing and a replay duplicates nothing:
//  - the cursor is compared-and-set under a row lock: if another worker already stored this page,
//    this transaction rolls back and the caller re-reads the cursor;
//  - the page's messages are staged (stage.ts); new ones go in with ON CONFLICT (channel,
//    external_id) DO NOTHING, each with a "created" history event into its first status (new, or
//    routed);
//  - a message the source edited updates its text in place with an "edited" event; a version the
//    message has already had (a replayed older page) changes nothing;
//  - items that failed validation go to quarantine with their raw body and error.
import type pg from "pg";
import type { ChannelCode } from "@/lib/channels/types";
import type { PreparedMessage } from "./prepare";
import { prepareStage, stageRows } from "./stage";

export type QuarantineItem = { externalId: string | null; raw: string; error: string };
export type WriteResult = {
  conflict: boolean;
  inserted: number;
  edited: number;
  duplicates: number;
  quarantined: number;
};

// One statement per page. Its parts all read the snapshot taken before it, so `stored` sees only
// messages that existed before this page: whatever the unique key turned away from `ins`. The
// staged rows are read twice rather than copied into a materialised CTE first.
const writeSql = (source: string) => `
WITH src AS NOT MATERIALIZED (
  ${source}
), ins AS (
  INSERT INTO messages (channel, external_id, regime, status, title, text_raw, text_clean, source_url, source_version,
    author_name, author_phone, author_email, author_profile, address, lat, lon, locality, source_category, source_subcategory,
    extra, topic_id, topic_source, topic_confidence, topic_reason, block_id, block_source, block_reason, needs_review,
    source_created_at, registered_at, first_reaction_due_at, due_at, due_local_date, at_risk_at, updated_at)
  SELECT $1::"ChannelCode", external_id, regime::"Regime", status::"MessageStatus", title, text_raw, text_clean, source_url, source_version,
    author_name, author_phone, author_email, author_profile, address, lat, lon, locality, source_category, source_subcategory,
    NULL, topic_id, topic_source::"DecisionSource", topic_confidence, topic_reason, block_id, block_source::"DecisionSource",
    block_reason, needs_review, source_created_at, registered_at, first_reaction_due_at, due_at, due_local_date, at_risk_at, registered_at
  FROM src
  ON CONFLICT (channel, external_id) DO NOTHING
  RETURNING id, external_id, status, registered_at, block_id
), notif AS (
  -- Block heads hear of new routed messages once per page and block, not once per message.
  INSERT INTO notifications (user_id, kind, title, body)
  SELECT u.id, 'assigned', 'Новые сообщения в блоке: ' || count(*), 'Поступили из канала и автоматически направлены в ваш блок'
  FROM ins JOIN users u ON u.block_id = ins.block_id AND u.role = 'block_head' AND u.active
  WHERE ins.status = 'routed'
  GROUP BY u.id
), ev AS (
  -- One event per new message: it is created directly in its first status (new, or routed when
  -- routing decided a block), so the history stays complete at half the writes.
  INSERT INTO message_events (message_id, kind, from_status, to_status, reason, created_at)
  SELECT id, 'created', NULL, status,
         CASE WHEN status = 'routed' THEN 'Поступило из канала и автоматически направлено в блок' ELSE 'Поступило из канала' END,
         registered_at FROM ins
), stored AS (
  -- An already stored message: an edit when its version differs and is not one the message has
  -- had before (a replayed older page), otherwise a duplicate. Looked up one by one through the
  -- unique index (OFFSET 0 keeps the planner from scanning the table for a join).
  SELECT m.id, m.source_version AS old_version, s.source_version, s.title, s.text_raw, s.text_clean
  FROM src s
  CROSS JOIN LATERAL (SELECT id, source_version FROM messages WHERE channel = $1::"ChannelCode" AND external_id = s.external_id OFFSET 0) m
  WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.external_id = s.external_id)
    AND m.source_version IS DISTINCT FROM s.source_version
    AND NOT EXISTS (SELECT 1 FROM message_events e WHERE e.message_id = m.id AND e.kind = 'edited' AND e.data->>'previousVersion' = s.source_version)
), upd AS (
  UPDATE messages m SET title = c.title, text_raw = c.text_raw, text_clean = c.text_clean, source_version = c.source_version, updated_at = now(),
    search_vector = to_tsvector('russian', coalesce(c.title, '') || ' ' || c.text_clean), search_masked = NULL
  FROM stored c WHERE m.id = c.id
  RETURNING m.id, c.old_version, c.source_version
), edit_ev AS (
  INSERT INTO message_events (message_id, kind, reason, data)
  SELECT id, 'edited', 'Текст изменён в источнике', jsonb_build_object('previousVersion', old_version, 'version', source_version) FROM upd
)
SELECT (SELECT count(*)::int FROM ins) AS inserted, (SELECT count(*)::int FROM upd) AS edited`;

export async function writePage(
  client: pg.PoolClient,
  channel: ChannelCode,
  expectedCursor: string | null | undefined,
  nextCursor: string | null | undefined,
  rows: PreparedMessage[],
  quarantine: QuarantineItem[],
): Promise<WriteResult> {
  await prepareStage(client);
  await client.query("BEGIN");
  try {
    if (expectedCursor !== undefined) {
      // Safe to skip the wait for the WAL flush here: the cursor commits with the page, so a
      // server crash that loses this commit loses the cursor advance too and the page is re-pulled.
      await client.query("SET LOCAL synchronous_commit = off");
      const cur = await client.query<{ cursor: string | null }>(
        `SELECT cursor FROM channels WHERE code = $1 FOR UPDATE`,
        [channel],
      );
      if ((cur.rows[0]?.cursor ?? null) !== expectedCursor) {
        await client.query("ROLLBACK");
        return { conflict: true, inserted: 0, edited: 0, duplicates: 0, quarantined: 0 };
      }
    }
    let edited = 0;
    let inserted = 0;
    if (rows.length) {
      const staged = await stageRows(client, rows, 2);
      ({ inserted, edited } = (
        await client.query<{ inserted: number; edited: number }>(writeSql(staged.source), [channel, ...staged.params])
      ).rows[0]);
    }
    if (quarantine.length) {
      await client.query(
        `INSERT INTO quarantined_payloads (channel, external_id, raw_body, raw_hash, error)
         SELECT $1::"ChannelCode", e, r, md5(r), err FROM unnest($2::text[], $3::text[], $4::text[]) AS t(e, r, err)
         ON CONFLICT (channel, raw_hash) DO NOTHING`,
        [channel, quarantine.map((q) => q.externalId), quarantine.map((q) => q.raw), quarantine.map((q) => q.error)],
      );
    }
    if (nextCursor !== undefined) {
      const newest = rows.reduce((mx, r) => Math.max(mx, r.m.createdAt.getTime()), 0);
      await client.query(
        `UPDATE channels SET cursor = $2, last_pull_at = now(), last_success_at = now(), consecutive_errors = 0, last_error = NULL,
           total_ingested = total_ingested + $3, lag_seconds = CASE WHEN $4::bigint > 0 THEN GREATEST(0, extract(epoch FROM now())::bigint - $4::bigint / 1000) ELSE lag_seconds END,
           updated_at = now() WHERE code = $1`,
        [channel, nextCursor, inserted, newest],
      );
    }
    await client.query("COMMIT");
    return {
      conflict: false,
      inserted,
      edited,
      duplicates: rows.length - inserted - edited,
      quarantined: quarantine.length,
    };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
