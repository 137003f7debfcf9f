import { describe, expect, it, vi } from "vitest";
import { ttlMemo } from "./ttl-memo";

describe("ttlMemo", () => {
  it("shares one load among callers until the TTL passes, then loads again", async () => {
    vi.useFakeTimers();
    try {
      const memo = ttlMemo("test-share", 1000);
      let loads = 0;
      const load = async () => ++loads;
      expect(await Promise.all([memo.get("k", load), memo.get("k", load)])).toEqual([1, 1]);
      vi.advanceTimersByTime(999);
      expect(await memo.get("k", load)).toBe(1);
      vi.advanceTimersByTime(2);
      expect(await memo.get("k", load)).toBe(2);
      expect(await memo.get("other", load)).toBe(3);
      memo.clear();
      expect(await memo.get("k", load)).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("peek reads only a value still within the TTL; set stores one without a load", async () => {
    vi.useFakeTimers();
    try {
      const memo = ttlMemo("test-peek", 1000);
      expect(memo.peek("k")).toBeUndefined();
      memo.set("k", 42);
      expect(await memo.peek("k")).toBe(42);
      expect(await memo.get("k", async () => 0)).toBe(42);
      vi.advanceTimersByTime(1001);
      expect(memo.peek("k")).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it("forgets a failed load at once", async () => {
    const memo = ttlMemo("test-fail", 60_000);
    await expect(memo.get("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await memo.get("k", async () => "up")).toBe("up");
  });

  it("memos of the same name are one memo (route modules bundled apart share it)", async () => {
    await ttlMemo("test-same", 60_000).get("k", async () => "first");
    expect(await ttlMemo("test-same", 60_000).get("k", async () => "second")).toBe("first");
  });
});
