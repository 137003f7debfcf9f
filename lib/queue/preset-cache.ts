// A per-process memo of the preset counts: fifty operators reloading the queue would otherwise
// run the same seven counts over a million rows on every request. Two seconds is "live" enough
// for a triage screen, and this process's own bulk actions clear it at once.
import { ttlMemo } from "@/lib/cache/ttl-memo";

const memo = ttlMemo("presetCounts", 2_000);

export function cachedPresetCounts<T>(key: string, load: () => Promise<T>): Promise<T> {
  return memo.get(key, load);
}

export function clearPresetCountCache(): void {
  memo.clear();
}
