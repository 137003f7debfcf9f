import { describe, expect, it } from "vitest";
import {
  computeAnswerDue,
  computeDue,
  computeFirstReactionDue,
  computeRegistrationDue,
  extendByPolicy,
  extendDue,
} from "./compute";
import { DEFAULT_POLICIES } from "./policies";

// Sakhalin noon (01:00 UTC) on a local date, far from the midnight boundary.
const noon = (localDate: string) => new Date(`${localDate}T01:00:00Z`);

// Expected dates were counted by hand from calendar-data/ru-*.json.
describe("working-day terms", () => {
  it("counts 10 working days across the New Year holidays", () => {
    // 31.12.2025 and 1–11.01.2026 are off: 12.01 is day 1 … 23.01 is day 10.
    expect(computeDue(noon("2025-12-30"), 10, "working").dueLocalDate).toBe("2026-01-23");
    expect(computeDue(noon("2025-12-31"), 10, "working").dueLocalDate).toBe("2026-01-23");
    // From 29.12: 30.12 is day 1, 12.01 day 2 … 22.01 day 10.
    expect(computeDue(noon("2025-12-29"), 10, "working").dueLocalDate).toBe("2026-01-22");
  });

  it("counts across the May holidays", () => {
    // 2026: 1–3 and 9–11 May off → 4,5,6,7,8,12,13,14,15,18.
    expect(computeDue(noon("2026-04-30"), 10, "working").dueLocalDate).toBe("2026-05-18");
    // 2025: 1–4 and 8–11 May off → 5,6,7,12,13,14,15,16,19,20.
    expect(computeDue(noon("2025-04-30"), 10, "working").dueLocalDate).toBe("2025-05-20");
  });

  it("counts a moved working Saturday as a working day", () => {
    // 01.11.2025 (Sat) is a working day, 03–04.11 are off.
    expect(computeDue(noon("2025-10-31"), 1, "working").dueLocalDate).toBe("2025-11-01");
    expect(computeDue(noon("2025-10-31"), 10, "working").dueLocalDate).toBe("2025-11-17");
    expect(computeDue(noon("2027-02-19"), 1, "working").dueLocalDate).toBe("2027-02-20");
  });

  it("starts from the Sakhalin registration date, not the UTC one", () => {
    // 13:30 UTC on 2 March is already 3 March on Sakhalin.
    const late = computeDue(new Date("2026-03-02T13:30:00Z"), 10, "working");
    expect(late.dueLocalDate).toBe("2026-03-18"); // 9 March is off
    expect(late.dueAt.toISOString()).toBe("2026-03-18T12:59:59.999Z");
    const early = computeDue(new Date("2026-03-02T12:59:00Z"), 10, "working");
    expect(early.dueLocalDate).toBe("2026-03-17");
    expect(early.dueAt.toISOString()).toBe("2026-03-17T12:59:59.999Z");
  });

  it("gives the social-incident first reaction one working day", () => {
    const policy = DEFAULT_POLICIES.social_incident;
    // Friday 13.03.2026 → Monday 16.03.
    expect(computeFirstReactionDue(noon("2026-03-13"), policy)?.dueLocalDate).toBe("2026-03-16");
    expect(computeFirstReactionDue(noon("2026-03-13"), DEFAULT_POLICIES.fz59)).toBeNull();
  });
});

describe("calendar-day terms (59-ФЗ)", () => {
  it("keeps a due date that is a working day", () => {
    const due = computeAnswerDue(new Date("2026-03-02T13:30:00Z"), DEFAULT_POLICIES.fz59);
    expect(due.dueLocalDate).toBe("2026-04-02");
    expect(due.dueAt.toISOString()).toBe("2026-04-02T12:59:59.999Z");
  });

  it("moves a Saturday due date to Monday", () => {
    // 05.03.2026 + 30 = Saturday 04.04 → Monday 06.04.
    expect(computeDue(noon("2026-03-05"), 30, "calendar").dueLocalDate).toBe("2026-04-06");
  });

  it("moves past a holiday that follows the weekend", () => {
    // 05.02.2026 + 30 = Saturday 07.03; 08.03 Sunday, 09.03 Monday off → Tuesday 10.03.
    expect(computeDue(noon("2026-02-05"), 30, "calendar").dueLocalDate).toBe("2026-03-10");
    // 05.12.2025 + 30 = 04.01.2026, inside the January holidays → 12.01.
    expect(computeDue(noon("2025-12-05"), 30, "calendar").dueLocalDate).toBe("2026-01-12");
  });

  it("gives a 3-day registration term", () => {
    // Friday 13.03.2026 + 3 = Monday 16.03.
    expect(computeRegistrationDue(noon("2026-03-13"), DEFAULT_POLICIES.fz59)?.dueLocalDate).toBe("2026-03-16");
    expect(computeRegistrationDue(noon("2026-03-13"), DEFAULT_POLICIES.portal)).toBeNull();
  });

  it("reports years counted Mon–Fri for lack of data", () => {
    // 10.12.2027 + 30 = Sunday 09.01.2028 → Monday 10.01 under the fallback.
    const due = computeDue(noon("2027-12-10"), 30, "calendar");
    expect(due.dueLocalDate).toBe("2028-01-10");
    expect(due.fallbackYears).toEqual([2028]);
    expect(computeDue(noon("2026-03-05"), 30, "calendar").fallbackYears).toEqual([]);
  });

  it("rejects non-positive or fractional terms", () => {
    expect(() => computeDue(noon("2026-03-05"), 0, "calendar")).toThrow(RangeError);
    expect(() => computeDue(noon("2026-03-05"), 1.5, "working")).toThrow(RangeError);
  });
});

describe("extensions", () => {
  it("extends 59-ФЗ by 30 calendar days from the current due date", () => {
    // 02.04.2026 + 30 = Saturday 02.05; 03.05 off → Monday 04.05.
    const extended = extendDue("2026-04-02", 30, "calendar");
    expect(extended.dueLocalDate).toBe("2026-05-04");
    expect(extended.dueAt.toISOString()).toBe("2026-05-04T12:59:59.999Z");
  });

  it("extends working-day terms by N working days after the current due date", () => {
    // After Friday 23.01.2026: 26–30.01, 02–06.02.
    expect(extendDue("2026-01-23", 10, "working").dueLocalDate).toBe("2026-02-06");
    // After 13.02.2026: 16–20.02, (23.02 off), 24–27.02, 02.03.
    expect(extendDue("2026-02-13", 10, "working").dueLocalDate).toBe("2026-03-02");
    // social_incident default +5 working days after 19.02.2026: 20, 24, 25, 26, 27.
    expect(extendByPolicy("2026-02-19", 0, DEFAULT_POLICIES.social_incident).dueLocalDate).toBe("2026-02-27");
  });

  it("refuses an extension beyond the policy limit", () => {
    expect(extendByPolicy("2026-04-02", 0, DEFAULT_POLICIES.fz59).dueLocalDate).toBe("2026-05-04");
    expect(() => extendByPolicy("2026-05-04", 1, DEFAULT_POLICIES.fz59)).toThrow(RangeError);
  });
});
