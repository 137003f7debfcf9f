// A page's messages reach PostgreSQL as one staged set that the page's statement reads (insert
// and edit detection). On a PostgreSQL server they are COPYed into a per-connection temporary
// table (ON COMMIT DELETE ROWS, so a staged page lives exactly as long as its transaction): COPY's
// text format is parsed far more cheaply than JSON. The embedded database (PGlite over its socket)
// has no COPY FROM STDIN and shares one session among its connections, so there the rows go as
// one JSON parameter read by json_to_recordset, and no temporary table is made.
import type pg from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { copyBool, copyDate, copyJson, copyNumber, copyText, copyTime } from "@/lib/db/copy-text";
import type { PreparedMessage } from "./prepare";

/** Staged columns in order, with their SQL types. text_raw is NULL when it equals text_clean
 * (a message without markup), as it is stored. */
const COLUMNS: [string, string][] = [
  ["external_id", "text"],
  ["regime", "text"],
  ["status", "text"],
  ["title", "text"],
  ["text_raw", "text"],
  ["text_clean", "text"],
  ["source_url", "text"],
  ["source_version", "text"],
  ["author_name", "text"],
  ["author_phone", "text"],
  ["author_email", "text"],
  ["author_profile", "text"],
  ["address", "text"],
  ["lat", "float8"],
  ["lon", "float8"],
  ["locality", "text"],
  ["source_category", "text"],
  ["source_subcategory", "text"],
  ["topic_id", "int"],
  ["topic_source", "text"],
  ["topic_confidence", "float8"],
  ["topic_reason", "jsonb"],
  ["block_id", "int"],
  ["block_source", "text"],
  ["block_reason", "jsonb"],
  ["needs_review", "bool"],
  ["source_created_at", "timestamptz"],
  ["registered_at", "timestamptz"],
  ["first_reaction_due_at", "timestamptz"],
  ["due_at", "timestamptz"],
  ["due_local_date", "date"],
  ["at_risk_at", "timestamptz"],
];
const DEFINITION = COLUMNS.map(([n, t]) => `${n} ${t}`).join(", ");
const STAGE_TABLE = "ingest_stage";

/** The registration time and the clock's deadlines, the same for every message of a regime on a
 * page (prepare.ts computes one clock per regime), so their text is built once per clock. */
const tails = new WeakMap<object, { registeredAt: Date; text: string }>();
function clockText(registeredAt: Date, clock: PreparedMessage["clock"]): string {
  const hit = tails.get(clock);
  if (hit && hit.registeredAt === registeredAt) return hit.text;
  const text =
    copyTime(registeredAt) +
    "\t" +
    copyTime(clock.firstReactionDueAt) +
    "\t" +
    copyTime(clock.dueAt) +
    "\t" +
    copyDate(clock.dueLocalDate) +
    "\t" +
    copyTime(clock.atRiskAt) +
    "\n";
  tails.set(clock, { registeredAt, text });
  return text;
}

/** One line of COPY text per message, fields in COLUMNS order. */
function copyLine({ m, d, registeredAt, clock }: PreparedMessage): string {
  return (
    copyText(m.externalId) +
    "\t" +
    m.regime +
    "\t" +
    d.status +
    "\t" +
    copyText(m.title) +
    "\t" +
    (m.textRaw === m.textClean ? "\\N" : copyText(m.textRaw)) +
    "\t" +
    copyText(m.textClean) +
    "\t" +
    copyText(m.sourceUrl) +
    "\t" +
    copyText(m.sourceVersion) +
    "\t" +
    copyText(m.authorName) +
    "\t" +
    copyText(m.authorPhone) +
    "\t" +
    copyText(m.authorEmail) +
    "\t" +
    copyText(m.authorProfile) +
    "\t" +
    copyText(m.address) +
    "\t" +
    copyNumber(m.lat) +
    "\t" +
    copyNumber(m.lon) +
    "\t" +
    copyText(m.locality) +
    "\t" +
    copyText(m.sourceCategory) +
    "\t" +
    copyText(m.sourceSubcategory) +
    "\t" +
    copyNumber(d.topicId) +
    "\t" +
    copyText(d.topicSource) +
    "\t" +
    copyNumber(d.topicConfidence) +
    "\t" +
    copyJson(d.topicReason) +
    "\t" +
    copyNumber(d.blockId) +
    "\t" +
    copyText(d.blockSource) +
    "\t" +
    copyJson(d.blockReason) +
    "\t" +
    copyBool(d.needsReview) +
    "\t" +
    copyTime(m.createdAt) +
    "\t" +
    clockText(registeredAt, clock)
  );
}

/** The same row as a JSON object for json_to_recordset. */
function jsonRow({ m, d, registeredAt, clock }: PreparedMessage): Record<string, unknown> {
  return {
    external_id: m.externalId,
    regime: m.regime,
    status: d.status,
    title: m.title,
    text_raw: m.textRaw === m.textClean ? null : m.textRaw,
    text_clean: m.textClean,
    source_url: m.sourceUrl,
    source_version: m.sourceVersion,
    author_name: m.authorName,
    author_phone: m.authorPhone,
    author_email: m.authorEmail,
    author_profile: m.authorProfile,
    address: m.address,
    lat: m.lat,
    lon: m.lon,
    locality: m.locality,
    source_category: m.sourceCategory,
    source_subcategory: m.sourceSubcategory,
    topic_id: d.topicId,
    topic_source: d.topicSource,
    topic_confidence: d.topicConfidence,
    topic_reason: d.topicReason,
    block_id: d.blockId,
    block_source: d.blockSource,
    block_reason: d.blockReason,
    needs_review: d.needsReview,
    source_created_at: m.createdAt,
    registered_at: registeredAt,
    first_reaction_due_at: clock.firstReactionDueAt,
    due_at: clock.dueAt,
    due_local_date: clock.dueLocalDate.toISOString().slice(0, 10),
    at_risk_at: clock.atRiskAt,
  };
}

/** Whether each connection can COPY (a server) or not (PGlite), found once per connection. */
const copyCapable = new WeakMap<pg.ClientBase, boolean>();

/** Run before the page's transaction opens: creating the temporary table inside a transaction
 * that later rolls back would leave this cache believing it exists. */
export async function prepareStage(client: pg.ClientBase): Promise<void> {
  if (copyCapable.has(client)) return;
  const embedded = (await client.query<{ v: string }>("SELECT version() AS v")).rows[0].v.includes("PGlite");
  if (!embedded)
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${STAGE_TABLE} (${DEFINITION}) ON COMMIT DELETE ROWS`);
  copyCapable.set(client, !embedded);
}

/** Stages rows inside the open transaction; returns the SELECT that reads them and its
 * parameters, numbered from `firstParam` on (they follow the caller's own). */
export async function stageRows(
  client: pg.ClientBase,
  rows: PreparedMessage[],
  firstParam: number,
): Promise<{ source: string; params: unknown[] }> {
  if (copyCapable.get(client)) {
    let text = "";
    for (const r of rows) text += copyLine(r);
    await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${STAGE_TABLE} FROM STDIN`)));
    return { source: `SELECT * FROM ${STAGE_TABLE}`, params: [] };
  }
  // One JSON parameter instead of 32 arrays: JSON.stringify is native, while pg serializes array
  // parameters element by element in JavaScript.
  return {
    source: `SELECT * FROM json_to_recordset($${firstParam}::json) AS t(${DEFINITION})`,
    params: [JSON.stringify(rows.map(jsonRow))],
  };
}
