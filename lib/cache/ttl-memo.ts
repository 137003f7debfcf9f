// Per-process memos of values many requests read and few change: the first caller loads, the
// others share its promise until the TTL passes; a failed load is forgotten at once. Each memo
// lives on globalThis so Next.js's separately bundled route modules share one copy.
type Entry = { at: number; value: Promise<unknown> };
const g = globalThis as unknown as { __mcuMemos?: Map<string, Map<string, Entry>> };

export type TtlMemo = {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** The value stored under key within the TTL, if any (nothing is loaded). */
  peek<T>(key: string): Promise<T> | undefined;
  set<T>(key: string, value: T): void;
  clear(): void;
};

export function ttlMemo(name: string, ttlMs: number): TtlMemo {
  const all = (g.__mcuMemos ??= new Map());
  const map = all.get(name) ?? new Map<string, Entry>();
  all.set(name, map);
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = map.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value as Promise<T>;
      const value = load();
      map.set(key, { at: Date.now(), value });
      value.catch(() => map.delete(key));
      return value;
    },
    peek<T>(key: string): Promise<T> | undefined {
      const hit = map.get(key);
      return hit && Date.now() - hit.at < ttlMs ? (hit.value as Promise<T>) : undefined;
    },
    set<T>(key: string, value: T): void {
      map.set(key, { at: Date.now(), value: Promise.resolve(value) });
    },
    clear: () => map.clear(),
  };
}
