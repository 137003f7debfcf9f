import { addWorkingDays, fallbackYearsBetween, nextWorkingDayOnOrAfter } from "./calendar";
import type { DayUnit, DeadlinePolicy } from "./policies";
import { addDaysLocal, endOfLocalDay, localDateOf, type LocalDate } from "./time";

export interface DueDate {
  /** The local (Sakhalin) day the term ends on. */
  dueLocalDate: LocalDate;
  /** End of that local day as a UTC instant. */
  dueAt: Date;
  /**
   * Years the term spans that have no production-calendar data and were counted Mon–Fri;
   * non-empty means the date may be wrong and the UI should say so.
   */
  fallbackYears: number[];
}

// Reject nonsense before it reaches the day-by-day scan (10 years is far beyond any real term).
const MAX_TERM_DAYS = 3660;

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TERM_DAYS) {
    throw new RangeError(`Term must be an integer number of days from 1 to ${MAX_TERM_DAYS}: ${days}`);
  }
}

/**
 * Adds a term to a local date:
 * - working: the N-th working day strictly after the date (the term starts the next working day);
 * - calendar: date + N days, moved forward to the next working day if that day is non-working.
 */
export function addTerm(fromLocalDate: LocalDate, days: number, unit: DayUnit): DueDate {
  checkDays(days);
  const dueLocalDate =
    unit === "working"
      ? addWorkingDays(fromLocalDate, days)
      : nextWorkingDayOnOrAfter(addDaysLocal(fromLocalDate, days));
  return {
    dueLocalDate,
    dueAt: endOfLocalDay(dueLocalDate),
    fallbackYears: fallbackYearsBetween(fromLocalDate, dueLocalDate),
  };
}

/** Due date of a term counted from the registration instant's local (Sakhalin) date. */
export function computeDue(registeredAt: Date, days: number, unit: DayUnit): DueDate {
  return addTerm(localDateOf(registeredAt), days, unit);
}

/** New due date after an extension, counted from the current due date by the same rules. */
export function extendDue(currentDueLocalDate: LocalDate, days: number, unit: DayUnit): DueDate {
  return addTerm(currentDueLocalDate, days, unit);
}

export function computeAnswerDue(registeredAt: Date, policy: DeadlinePolicy): DueDate {
  return computeDue(registeredAt, policy.answerDays, policy.answerUnit);
}

/** Null when the regime has no first-reaction term. */
export function computeFirstReactionDue(registeredAt: Date, policy: DeadlinePolicy): DueDate | null {
  if (policy.firstReactionDays == null || policy.firstReactionUnit == null) return null;
  return computeDue(registeredAt, policy.firstReactionDays, policy.firstReactionUnit);
}

/** Registration term counted from the arrival instant; null when the regime has none. */
export function computeRegistrationDue(receivedAt: Date, policy: DeadlinePolicy): DueDate | null {
  if (policy.registrationDays == null || policy.registrationUnit == null) return null;
  return computeDue(receivedAt, policy.registrationDays, policy.registrationUnit);
}

/**
 * Applies one extension of the policy; throws when the policy allows no more extensions, so a
 * caller cannot silently exceed the legal limit.
 */
export function extendByPolicy(
  currentDueLocalDate: LocalDate,
  extensionsSoFar: number,
  policy: DeadlinePolicy,
): DueDate {
  if (extensionsSoFar >= policy.maxExtensions) {
    throw new RangeError(
      `Regime ${policy.regime} allows ${policy.maxExtensions} extension(s); ${extensionsSoFar} already used`,
    );
  }
  return extendDue(currentDueLocalDate, policy.extensionDays, policy.extensionUnit);
}
