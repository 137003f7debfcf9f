import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  calendarSourceOf,
  calendarYears,
  countWorkingDays,
  hasCalendarYear,
  isPreHoliday,
  isWorkingDay,
  missingCurrentYearWarning,
  missingNextYearWarning,
  nextWorkingDayOnOrAfter,
} from "./calendar";

// Expected values below were read off calendar-data/ru-*.json by hand.
describe("production calendar", () => {
  it("knows which years it has", () => {
    expect(calendarYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(hasCalendarYear(2026)).toBe(true);
    expect(hasCalendarYear(2023)).toBe(false);
    expect(hasCalendarYear(2028)).toBe(false);
  });

  it("treats the January holidays of 2026 as non-working", () => {
    expect(isWorkingDay("2025-12-30")).toBe(true);
    expect(isWorkingDay("2025-12-31")).toBe(false); // moved day off
    for (let day = 1; day <= 11; day++) {
      expect(isWorkingDay(`2026-01-${String(day).padStart(2, "0")}`)).toBe(false);
    }
    expect(isWorkingDay("2026-01-12")).toBe(true);
  });

  it("treats May and other moved holidays as non-working weekdays", () => {
    expect(isWorkingDay("2026-05-01")).toBe(false); // Friday
    expect(isWorkingDay("2026-05-11")).toBe(false); // Monday, for Victory Day on Saturday
    expect(isWorkingDay("2026-03-09")).toBe(false); // Monday, for 8 March on Sunday
    expect(isWorkingDay("2026-05-04")).toBe(true);
  });

  it("knows working Saturdays (a Saturday absent from `holidays`)", () => {
    expect(isWorkingDay("2025-11-01")).toBe(true);
    expect(isWorkingDay("2027-02-20")).toBe(true);
    expect(isWorkingDay("2024-12-28")).toBe(true);
    expect(isWorkingDay("2025-11-08")).toBe(false); // an ordinary Saturday
  });

  it("detects shortened pre-holiday days", () => {
    expect(isPreHoliday("2026-04-30")).toBe(true);
    expect(isPreHoliday("2026-05-08")).toBe(true);
    expect(isPreHoliday("2026-11-03")).toBe(true);
    expect(isPreHoliday("2025-11-01")).toBe(true); // working Saturday before 3–4 November
    expect(isPreHoliday("2026-04-29")).toBe(false);
    expect(isPreHoliday("2026-05-01")).toBe(false);
    expect(isPreHoliday("2028-12-29")).toBe(false); // no data → never shortened
  });

  it("falls back to Mon–Fri (visibly) for years without data", () => {
    expect(calendarSourceOf("2028-01-03")).toBe("weekdays_fallback");
    expect(calendarSourceOf("2027-01-04")).toBe("production");
    expect(isWorkingDay("2028-01-03")).toBe(true); // Monday; really a holiday, but unknown
    expect(isWorkingDay("2028-01-08")).toBe(false); // Saturday
  });

  it("steps over non-working days", () => {
    expect(nextWorkingDayOnOrAfter("2026-01-04")).toBe("2026-01-12");
    expect(nextWorkingDayOnOrAfter("2026-01-12")).toBe("2026-01-12");
    expect(addWorkingDays("2025-12-30", 1)).toBe("2026-01-12");
    expect(addWorkingDays("2025-10-31", 1)).toBe("2025-11-01");
    expect(() => addWorkingDays("2026-01-12", 0)).toThrow(RangeError);
  });

  it("counts working days in a range", () => {
    // 30 April and 4–8 May 2026.
    expect(countWorkingDays("2026-04-30", "2026-05-08")).toBe(6);
    expect(countWorkingDays("2026-05-08", "2026-04-30")).toBe(0);
  });
});

describe("missing next-year warning", () => {
  it("stays silent before 1 October (Sakhalin) even when next year is missing", () => {
    expect(missingNextYearWarning(new Date("2027-03-01T00:00:00Z"))).toBeNull();
    // 30 September 23:59 on Sakhalin.
    expect(missingNextYearWarning(new Date("2027-09-30T12:59:00Z"))).toBeNull();
  });

  it("warns in Russian from 1 October (Sakhalin) when next year is missing", () => {
    // 13:00 UTC on 30 September is already 1 October on Sakhalin.
    const warning = missingNextYearWarning(new Date("2027-09-30T13:00:00Z"));
    expect(warning).toContain("2028");
    expect(warning).toMatch(/производственный календарь/);
    expect(missingNextYearWarning(new Date("2027-12-31T00:00:00Z"))).toContain("2028");
  });

  it("stays silent when next year's calendar is present", () => {
    expect(missingNextYearWarning(new Date("2026-10-05T00:00:00Z"))).toBeNull();
  });

  it("separately warns when the current year itself is missing", () => {
    expect(missingCurrentYearWarning(new Date("2026-06-01T00:00:00Z"))).toBeNull();
    expect(missingCurrentYearWarning(new Date("2028-02-01T00:00:00Z"))).toContain("2028");
  });
});
