import { describe, expect, it } from "vitest";
import { addDaysLocal, endOfLocalDay, isoWeekdayOf, isValidLocalDate, localDateOf, MUNICIPAL_TZ } from "./time";

describe("Sakhalin time helpers", () => {
  it("uses Asia/Sakhalin", () => {
    expect(MUNICIPAL_TZ).toBe("Asia/Sakhalin");
  });

  it("puts the local midnight at 13:00 UTC (UTC+11)", () => {
    expect(localDateOf(new Date("2026-03-02T12:59:59.999Z"))).toBe("2026-03-02");
    expect(localDateOf(new Date("2026-03-02T13:00:00Z"))).toBe("2026-03-03");
    expect(localDateOf(new Date("2026-03-02T13:30:00Z"))).toBe("2026-03-03");
    // New Year's Eve in UTC is already 1 January on Sakhalin.
    expect(localDateOf(new Date("2025-12-31T13:00:00Z"))).toBe("2026-01-01");
  });

  it("ends a local day at 12:59:59.999 UTC", () => {
    expect(endOfLocalDay("2026-03-18").toISOString()).toBe("2026-03-18T12:59:59.999Z");
    expect(endOfLocalDay("2026-01-01").toISOString()).toBe("2026-01-01T12:59:59.999Z");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDaysLocal("2026-03-03", 30)).toBe("2026-04-02");
    expect(addDaysLocal("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDaysLocal("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDaysLocal("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("rejects impossible local dates", () => {
    expect(isValidLocalDate("2026-02-29")).toBe(false);
    expect(isValidLocalDate("2024-02-29")).toBe(true);
    expect(isValidLocalDate("2026-3-1")).toBe(false);
    expect(() => addDaysLocal("2026-02-30", 1)).toThrow(RangeError);
  });

  it("gives ISO weekdays", () => {
    expect(isoWeekdayOf("2026-03-02")).toBe(1); // Monday
    expect(isoWeekdayOf("2026-03-08")).toBe(7); // Sunday
  });
});
