import { describe, expect, it } from "vitest";
import { growthWindow } from "./growth-window";

// 2026-11-28 15:00 in Sakhalin (UTC+11) is 04:00 UTC.
const NOW = new Date("2026-11-28T04:00:00Z");

describe("growthWindow", () => {
  it("this week is the last 7 local days including today; 8 baseline weeks of 7 days before it", () => {
    const w = growthWindow(NOW, new Date("2026-01-01T00:00:00Z"));
    expect(w.current).toMatchObject({ from: "2026-11-22", to: "2026-11-28" });
    expect(w.current.start.toISOString()).toBe("2026-11-21T13:00:00.000Z"); // 22 Nov 00:00 +11
    expect(w.current.end.toISOString()).toBe("2026-11-28T13:00:00.000Z");
    expect(w.baseline).toHaveLength(8);
    expect(w.baseline[7]).toMatchObject({ from: "2026-11-15", to: "2026-11-21" });
    expect(w.baseline[0]).toMatchObject({ from: "2026-09-27", to: "2026-10-03" });
    // Contiguous, each exactly 7 × 24 h.
    const all = [...w.baseline, w.current];
    for (let i = 0; i < all.length; i++) {
      expect(all[i].end.getTime() - all[i].start.getTime()).toBe(7 * 86_400_000);
      if (i > 0) expect(all[i].start.getTime()).toBe(all[i - 1].end.getTime());
    }
  });

  it("a local day starts at 00:00 Sakhalin time: 23:30 UTC is already the next day", () => {
    const w = growthWindow(new Date("2026-11-28T13:30:00Z"), null);
    expect(w.current).toMatchObject({ from: "2026-11-23", to: "2026-11-29" });
  });

  it("counts only baseline weeks wholly after the first message's day", () => {
    // First message on 20 Oct (local): the first full day is 21 Oct, so weeks from 25 Oct on count.
    const w = growthWindow(NOW, new Date("2026-10-20T05:00:00Z"));
    expect(w.baseline.map((b) => b.from)).toEqual(["2026-10-25", "2026-11-01", "2026-11-08", "2026-11-15"]);
    expect(growthWindow(NOW, new Date("2026-11-20T05:00:00Z")).baseline).toEqual([]);
    expect(growthWindow(NOW, null).baseline).toEqual([]);
  });
});
