import { localDateOf, parseLocalDate, type LocalDate } from "./time";
import { countWorkingDays } from "./calendar";

export type DeadlineState = "ok" | "at_risk" | "overdue";

export interface DeadlineStateInput {
  registeredAt: Date;
  dueAt: Date;
  now: Date;
  /** Share (0–1) of the total time below which the message is at risk. */
  atRiskShare: number;
}

/**
 * Overdue once `now` is past `dueAt`; at risk when the remaining share of the whole
 * registration→deadline span (wall-clock time) drops below `atRiskShare`.
 */
export function deadlineState({ registeredAt, dueAt, now, atRiskShare }: DeadlineStateInput): DeadlineState {
  const due = dueAt.getTime();
  const current = now.getTime();
  if (current > due) return "overdue";
  const total = due - registeredAt.getTime();
  // A degenerate span (due at or before registration) leaves no time to speak of.
  if (total <= 0) return "at_risk";
  const remaining = due - current;
  return remaining / total < atRiskShare ? "at_risk" : "ok";
}

/**
 * Working days left, counting today (local Sakhalin date, if it is a working day) and the due
 * day itself; 0 once the due day has passed. For "осталось N раб. дн." labels.
 */
export function remainingWorkingDays(now: Date, dueLocalDate: LocalDate): number {
  return countWorkingDays(localDateOf(now), dueLocalDate);
}

/** Calendar days from today (local) to the due day: 0 on the due day, negative when overdue. */
export function remainingCalendarDays(now: Date, dueLocalDate: LocalDate): number {
  const toUtcDay = (date: LocalDate) => {
    const { year, month, day } = parseLocalDate(date);
    return Date.UTC(year, month - 1, day) / 86_400_000;
  };
  return toUtcDay(dueLocalDate) - toUtcDay(localDateOf(now));
}
