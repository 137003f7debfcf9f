import "server-only";
import { db, databaseUrl } from "@/lib/db";
import { ttlMemo } from "@/lib/cache/ttl-memo";

/** How many of the newest messages a text search looks at through the full-text index before it
 * searches them all (about two weeks of traffic at a million messages in two years); it first walks
 * a tenth of them in time order (see listQueue). */
export const SEARCH_WINDOW = 20_000;
/** The cutoff may be stale: any value still bounds a correct window (see searchWindowCutoff). */
const memo = ttlMemo("searchCutoff", 60_000);

/**
 * The registration time of the k-th newest message, or null when there are fewer. Every message
 * registered at or after it is newer than every message before it, so for the newest-first sort
 * the first rows of "matches registered >= cutoff" are exactly the first rows of all matches; this
 * holds for any cutoff value, which is why a minute-old one (a slightly larger window) is fine.
 * One index-only walk of k entries on messages_registered_at_idx, memoized per process.
 */
export function searchWindowCutoff(k: number = SEARCH_WINDOW): Promise<Date | null> {
  return memo.get(`${databaseUrl()}#${k}`, () =>
    db().$queryRaw<
      { at: Date }[]
    >`SELECT registered_at AS at FROM messages ORDER BY registered_at DESC OFFSET ${k - 1} LIMIT 1`.then(
      (r) => r[0]?.at ?? null,
    ),
  );
}
