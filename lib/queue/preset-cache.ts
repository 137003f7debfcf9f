// A per-process memo of the preset counts: fifty operators reloading the queue would otherwise
// run the same seven counts over a million rows on every request. Two seconds is "live" enough
// for a triage screen, and this process's own bulk actions clear it at once.
const TTL_MS = 2_000;
const g = globalThis as unknown as { __mcuPresetCounts?: Map<string, { at: number; value: Promise<unknown> }> };

export function cachedPresetCounts<T>(key: string, load: () => Promise<T>): Promise<T> {
  const map = (g.__mcuPresetCounts ??= new Map());
  const hit = map.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  map.set(key, { at: Date.now(), value });
  value.catch(() => map.delete(key));
  return value;
}

export function clearPresetCountCache(): void {
  g.__mcuPresetCounts?.clear();
}
