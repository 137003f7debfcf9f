import "server-only";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import type { AdapterOptions, FetchedPage } from "@/lib/channels/adapter";
import { isChannelError } from "@/lib/channels/adapter";
import type { ChannelCode } from "@/lib/channels/types";
import { loadRoutingContext } from "@/lib/routing/context";
import type { NormalizedMessage } from "@/lib/channels/types";
import type { RoutingContext } from "@/lib/routing/types";
import { prepareMessages, type PreparedMessage } from "./prepare";
import { writePage, type QuarantineItem } from "./write-page";
import { adapterFor } from "./channel-adapter";

export type PullResult = {
  pages: number;
  inserted: number;
  edited: number;
  duplicates: number;
  quarantined: number;
  conflicts: number;
  error: string | null;
  skipped?: "paused" | "busy";
};
export type PullOptions = { pageSize?: number; maxPages?: number; adapter?: Partial<AdapterOptions> };

/** Channel ids for advisory locks: one puller per channel at a time across all workers. */
const LOCK_BASE = 7_300_000;
const LOCK_IDS: Record<ChannelCode, number> = {
  pos: LOCK_BASE + 1,
  incident: LOCK_BASE + 2,
  smls: LOCK_BASE + 3,
  sakhalin: LOCK_BASE + 4,
};

/** Pulls a channel from its stored cursor until it is caught up (or maxPages). Each page is
 * stored with the advanced cursor in one transaction; see write-page.ts for the guarantees. */
export async function pullChannel(channel: ChannelCode, opts: PullOptions = {}): Promise<PullResult> {
  const result: PullResult = {
    pages: 0,
    inserted: 0,
    edited: 0,
    duplicates: 0,
    quarantined: 0,
    conflicts: 0,
    error: null,
  };
  const row = await db().channel.findUnique({ where: { code: channel } });
  if (!row || !row.baseUrl) return { ...result, error: "канал не настроен" };
  if (row.paused) return { ...result, skipped: "paused" };
  const client = await pgPool().connect();
  let locked = false;
  // The next page is fetched while the current one is stored; if storing fails, that fetch's
  // outcome must still be observed (an unhandled rejection would kill the worker).
  let pending: Promise<SplitPage> | null = null;
  try {
    locked = (await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_IDS[channel]])).rows[0]
      .ok;
    if (!locked) return { ...result, skipped: "busy" };
    const ctx = await loadRoutingContext(db());
    const adapter = adapterFor(channel, row.baseUrl, opts.adapter);
    const pageSize = opts.pageSize ?? 500;
    let cursor = (
      await client.query<{ cursor: string | null }>("SELECT cursor FROM channels WHERE code = $1", [channel])
    ).rows[0].cursor;
    // Each page is validated, classified and routed as soon as it arrives, so that CPU work
    // overlaps the database's work on the page before it.
    const fetchPrepared = (c: string | null) => adapter.fetchPage(c, pageSize).then((page) => splitPage(page, ctx));
    pending = fetchPrepared(cursor);
    while (pending) {
      const { page, good, bad } = await pending;
      pending = null;
      const more =
        page.hasMore &&
        page.nextCursor !== null &&
        page.nextCursor !== cursor &&
        (!opts.maxPages || result.pages + 1 < opts.maxPages);
      if (more) pending = fetchPrepared(page.nextCursor);
      const w = await writePage(client, channel, cursor, page.nextCursor ?? cursor, good, bad);
      if (w.conflict) {
        // Another worker stored this page first: continue from where it got to.
        result.conflicts++;
        pending?.catch(() => undefined);
        cursor = (
          await client.query<{ cursor: string | null }>("SELECT cursor FROM channels WHERE code = $1", [channel])
        ).rows[0].cursor;
        pending = fetchPrepared(cursor);
        if (result.conflicts > 1000) break;
        continue;
      }
      result.pages++;
      result.inserted += w.inserted;
      result.edited += w.edited;
      result.duplicates += w.duplicates;
      result.quarantined += w.quarantined;
      cursor = page.nextCursor ?? cursor;
    }
  } catch (e) {
    result.error = isChannelError(e) ? `${e.code}: ${e.message}` : (e as Error).message;
    await db().channel.update({
      where: { code: channel },
      data: {
        lastPullAt: new Date(),
        lastErrorAt: new Date(),
        lastError: result.error.slice(0, 1000),
        consecutiveErrors: { increment: 1 },
        totalErrors: { increment: 1 },
      },
    });
  } finally {
    pending?.catch(() => undefined);
    if (locked) await client.query("SELECT pg_advisory_unlock($1)", [LOCK_IDS[channel]]).catch(() => undefined);
    client.release();
  }
  return result;
}

type SplitPage = { page: FetchedPage; good: PreparedMessage[]; bad: QuarantineItem[] };

/** Valid items become rows ready to store; invalid ones go to quarantine with their raw body. */
function splitPage(page: FetchedPage, ctx: RoutingContext): SplitPage {
  const good: NormalizedMessage[] = [];
  const bad: QuarantineItem[] = [];
  for (const it of page.items) {
    if (it.result.ok) good.push(it.result.message);
    else bad.push({ externalId: externalIdOf(it.raw), raw: safeJson(it.raw), error: it.result.error });
  }
  return { page, good: prepareMessages(good, ctx), bad };
}

function externalIdOf(raw: unknown): string | null {
  if (raw && typeof raw === "object" && "id" in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === "string" || typeof id === "number") return String(id).slice(0, 200);
  }
  return null;
}

function safeJson(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? "null";
  } catch {
    return String(raw);
  }
}
