import { describe, expect, it } from "vitest";
import { deadlineState, remainingCalendarDays, remainingWorkingDays } from "./state";

const HOUR = 3_600_000;
const registeredAt = new Date("2026-03-02T00:00:00Z");
const dueAt = new Date(registeredAt.getTime() + 100 * HOUR);
const at = (hours: number) => new Date(registeredAt.getTime() + hours * HOUR);

describe("deadlineState", () => {
  it("is ok while at least the at-risk share is left", () => {
    expect(deadlineState({ registeredAt, dueAt, now: at(0), atRiskShare: 0.2 })).toBe("ok");
    expect(deadlineState({ registeredAt, dueAt, now: at(50), atRiskShare: 0.2 })).toBe("ok");
    // Exactly 20 % left is not "less than" 20 %.
    expect(deadlineState({ registeredAt, dueAt, now: at(80), atRiskShare: 0.2 })).toBe("ok");
  });

  it("is at risk when less than the share is left", () => {
    expect(deadlineState({ registeredAt, dueAt, now: at(81), atRiskShare: 0.2 })).toBe("at_risk");
    expect(deadlineState({ registeredAt, dueAt, now: dueAt, atRiskShare: 0.2 })).toBe("at_risk");
    expect(deadlineState({ registeredAt, dueAt, now: at(60), atRiskShare: 0.5 })).toBe("at_risk");
  });

  it("is overdue only after the due instant", () => {
    expect(deadlineState({ registeredAt, dueAt, now: new Date(dueAt.getTime() + 1), atRiskShare: 0.2 })).toBe(
      "overdue",
    );
  });
});

describe("remaining days", () => {
  it("counts working days from today (Sakhalin) through the due day", () => {
    // Today 30.04.2026 (Sakhalin noon); working: 30.04, 04–08.05.
    expect(remainingWorkingDays(new Date("2026-04-30T01:00:00Z"), "2026-05-08")).toBe(6);
    // 13:30 UTC on 30.04 is already 01.05 (a holiday) on Sakhalin.
    expect(remainingWorkingDays(new Date("2026-04-30T13:30:00Z"), "2026-05-08")).toBe(5);
    expect(remainingWorkingDays(new Date("2026-05-09T01:00:00Z"), "2026-05-08")).toBe(0);
  });

  it("counts calendar days, negative when overdue", () => {
    expect(remainingCalendarDays(new Date("2026-04-30T01:00:00Z"), "2026-05-08")).toBe(8);
    expect(remainingCalendarDays(new Date("2026-05-08T12:00:00Z"), "2026-05-08")).toBe(0);
    expect(remainingCalendarDays(new Date("2026-05-10T01:00:00Z"), "2026-05-08")).toBe(-2);
  });
});
