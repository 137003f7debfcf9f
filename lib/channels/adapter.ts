/**
 * HTTP adapter of one channel (contracts/*.md). Pages are fetched with retries; every item of
 * a page is validated on its own so one bad item never fails the page.
 */
import { z } from "zod";
import { createHttpClient, type FetchLike } from "./http-client";
import { normalizePosRating } from "./pos/normalize";
import { posRatingSchema } from "./pos/schema";
import { normalizeItem, type ItemResult } from "./registry";
import { describeIssues } from "./schema-common";
import type { ChannelCode, NormalizedRating } from "./types";

export { ChannelError, isChannelError, type ChannelErrorCode } from "./errors";
export { normalizeItem, type ItemResult } from "./registry";

export type AdapterOptions = {
  baseUrl: string;
  /** Bearer token (from env, e.g. POS_API_TOKEN; see the contract). */
  token: string;
  timeoutMs: number;
  maxRetries: number;
  fetchImpl?: FetchLike;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type PageItem = { raw: unknown; result: ItemResult };

export type FetchedPage = {
  items: PageItem[];
  /**
   * Where to resume: persist it with the page's data and pass it to the next call. The server
   * always returns one (also on the last page), so new messages are picked up from here later.
   * null only if the server returned none.
   */
  nextCursor: string | null;
  /** More items are available right now; when false, poll again later from nextCursor. */
  hasMore: boolean;
};

export type RatingResult = { ok: true; rating: NormalizedRating } | { ok: false; error: string };
export type RatingsPage = {
  items: { raw: unknown; result: RatingResult }[];
  nextCursor: string | null;
  hasMore: boolean;
};

export type AnswerReceipt = {
  answerId: string;
  /** True when the server had already accepted this idempotency key (a replay). */
  duplicate: boolean;
  acceptedAt: Date;
};

export interface ChannelAdapter {
  readonly channel: ChannelCode;
  fetchPage(cursor: string | null, limit?: number): Promise<FetchedPage>;
  /** Pages from `cursor` until the server has nothing more right now. */
  pages(cursor: string | null, limit?: number): AsyncGenerator<FetchedPage>;
  /** Sends an answer; safe to repeat with the same idempotency key after any failure. */
  sendAnswer(externalId: string, text: string, idempotencyKey: string): Promise<AnswerReceipt>;
  /** ПОС only: residents' ratings of answers. */
  fetchRatings?(cursor: string | null, limit?: number): Promise<RatingsPage>;
}

export interface PosAdapter extends ChannelAdapter {
  fetchRatings(cursor: string | null, limit?: number): Promise<RatingsPage>;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

const pageEnvelope = z.object({
  items: z.array(z.unknown()),
  next_cursor: z.string().min(1).max(2048).nullable(),
  has_more: z.boolean(),
});

const answerReceipt = z.object({
  answer_id: z.string().min(1),
  message_id: z.string().min(1),
  status: z.literal("accepted"),
  accepted_at: z.iso.datetime({ offset: true }),
});

function envelopeParser(json: unknown) {
  const r = pageEnvelope.safeParse(json);
  return r.success ? ({ ok: true, value: r.data } as const) : ({ ok: false, error: describeIssues(r.error) } as const);
}

function query(cursor: string | null, limit: number): string {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError(`limit must be an integer in 1..${MAX_PAGE_SIZE}`);
  }
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor !== null) q.set("cursor", cursor);
  return q.toString();
}

function parseRating(raw: unknown): RatingResult {
  const r = posRatingSchema.safeParse(raw);
  return r.success ? { ok: true, rating: normalizePosRating(r.data) } : { ok: false, error: describeIssues(r.error) };
}

export function createAdapter(channel: "pos", opts: AdapterOptions): PosAdapter;
export function createAdapter(channel: ChannelCode, opts: AdapterOptions): ChannelAdapter;
export function createAdapter(channel: ChannelCode, opts: AdapterOptions): ChannelAdapter {
  const http = createHttpClient(opts);

  async function fetchPage(cursor: string | null, limit = DEFAULT_PAGE_SIZE): Promise<FetchedPage> {
    const { value } = await http.request({
      method: "GET",
      path: `/api/v1/messages?${query(cursor, limit)}`,
      parse: envelopeParser,
    });
    return {
      items: value.items.map((raw) => ({ raw, result: normalizeItem(channel, raw) })),
      nextCursor: value.next_cursor,
      hasMore: value.has_more,
    };
  }

  async function* pages(cursor: string | null, limit = DEFAULT_PAGE_SIZE): AsyncGenerator<FetchedPage> {
    let current = cursor;
    for (;;) {
      const page = await fetchPage(current, limit);
      yield page;
      // Stop when caught up, and never loop on a cursor that does not advance.
      if (!page.hasMore || page.nextCursor === null || page.nextCursor === current) return;
      current = page.nextCursor;
    }
  }

  async function sendAnswer(externalId: string, text: string, idempotencyKey: string): Promise<AnswerReceipt> {
    if (!text.trim()) throw new RangeError("answer text must not be empty");
    if (!idempotencyKey || idempotencyKey.length > 200) throw new RangeError("idempotency key must be 1..200 chars");
    const { status, value } = await http.request({
      method: "POST",
      path: `/api/v1/messages/${encodeURIComponent(externalId)}/answer`,
      headers: { "idempotency-key": idempotencyKey },
      body: { text },
      parse: (json) => {
        const r = answerReceipt.safeParse(json);
        return r.success ? { ok: true, value: r.data } : { ok: false, error: describeIssues(r.error) };
      },
    });
    return { answerId: value.answer_id, duplicate: status === 200, acceptedAt: new Date(value.accepted_at) };
  }

  async function fetchRatings(cursor: string | null, limit = DEFAULT_PAGE_SIZE): Promise<RatingsPage> {
    const { value } = await http.request({
      method: "GET",
      path: `/api/v1/ratings?${query(cursor, limit)}`,
      parse: envelopeParser,
    });
    return {
      items: value.items.map((raw) => ({ raw, result: parseRating(raw) })),
      nextCursor: value.next_cursor,
      hasMore: value.has_more,
    };
  }

  const adapter: ChannelAdapter = { channel, fetchPage, pages, sendAnswer };
  if (channel === "pos") return { ...adapter, fetchRatings } satisfies PosAdapter;
  return adapter;
}
