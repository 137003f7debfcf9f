// Pulls residents' ratings of released answers back from ПОС and applies each one (closing the
// message, or reopening it with a new clock). The ratings cursor and each rating commit together,
// and applyRating is idempotent on the rating's id, so a replay changes nothing.
import { db } from "@/lib/db";
import { adapterFor } from "@/lib/ingest/channel-adapter";
import type { AdapterOptions } from "@/lib/channels/adapter";
import { applyRating, type RatingOutcome } from "@/lib/workflow/apply-rating";

const CURSOR_KEY = "pos_ratings_cursor";

export type RatingsPullResult = { applied: Record<RatingOutcome, number>; unknownMessage: number; invalid: number };

export async function pullRatings(
  opts: { maxPages?: number; adapter?: Partial<AdapterOptions> } = {},
): Promise<RatingsPullResult> {
  const result: RatingsPullResult = {
    applied: { duplicate: 0, closed: 0, reopened: 0, recorded: 0 },
    unknownMessage: 0,
    invalid: 0,
  };
  const ch = await db().channel.findUnique({ where: { code: "pos" } });
  if (!ch?.baseUrl || ch.paused) return result;
  const adapter = adapterFor("pos", ch.baseUrl, opts.adapter);
  if (!adapter.fetchRatings) return result;
  const stored = await db().setting.findUnique({ where: { key: CURSOR_KEY } });
  let cursor = (stored?.value as { cursor?: string } | null)?.cursor ?? null;
  for (let page = 0; page < (opts.maxPages ?? 50); page++) {
    const p = await adapter.fetchRatings(cursor, 200);
    const nextCursor = p.nextCursor ?? cursor;
    await db().$transaction(async (tx) => {
      for (const it of p.items) {
        if (!it.result.ok) {
          result.invalid++;
          continue;
        }
        const r = it.result.rating;
        const m = await tx.message.findUnique({
          where: { channel_externalId: { channel: "pos", externalId: r.messageExternalId } },
          select: { id: true },
        });
        if (!m) {
          result.unknownMessage++;
          continue;
        }
        const outcome = await applyRating(tx, {
          messageId: m.id,
          value: r.score,
          satisfied: r.satisfied,
          externalRatingId: r.externalId,
          ratedAt: r.ratedAt,
          comment: r.comment,
        });
        result.applied[outcome]++;
      }
      await tx.setting.upsert({
        where: { key: CURSOR_KEY },
        create: { key: CURSOR_KEY, value: { cursor: nextCursor } },
        update: { value: { cursor: nextCursor } },
      });
    });
    if (!p.hasMore || p.nextCursor === null || p.nextCursor === cursor) break;
    cursor = nextCursor;
  }
  return result;
}
