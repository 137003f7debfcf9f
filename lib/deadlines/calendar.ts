// Static JSON imports (not fs reads) so the data is bundled by Next.js and also loads under
// tsx/vitest without any path resolution at run time. Adding a year = add the file + one line here.
import ru2024 from "./calendar-data/ru-2024.json";
import ru2025 from "./calendar-data/ru-2025.json";
import ru2026 from "./calendar-data/ru-2026.json";
import ru2027 from "./calendar-data/ru-2027.json";
import { addDaysLocal, isoWeekdayOf, localDateOf, parseLocalDate, type LocalDate } from "./time";

/** Shape of one `calendar-data/ru-YYYY.json` file (see calendar-data/README.md). */
export interface CalendarYearFile {
  /** Every non-working day of the year, weekends included. */
  holidays: readonly string[];
  /** Working days shortened by one hour. */
  preholidays: readonly string[];
  /** One-off non-working days set by presidential decree. */
  nowork?: readonly string[];
}

interface CalendarYear {
  nonWorking: ReadonlySet<string>;
  preHoliday: ReadonlySet<string>;
}

const FILES: Record<number, CalendarYearFile> = {
  2024: ru2024,
  2025: ru2025,
  2026: ru2026,
  2027: ru2027,
};

function buildYear(year: number, file: CalendarYearFile): CalendarYear {
  const all = [...file.holidays, ...file.preholidays, ...(file.nowork ?? [])];
  // Fail fast on a mis-named or mis-typed file rather than silently counting wrong deadlines.
  for (const date of all) {
    if (parseLocalDate(date).year !== year) {
      throw new Error(`Production calendar ru-${year}.json contains a date of another year: ${date}`);
    }
  }
  return {
    nonWorking: new Set([...file.holidays, ...(file.nowork ?? [])]),
    preHoliday: new Set(file.preholidays),
  };
}

const YEARS: ReadonlyMap<number, CalendarYear> = new Map(
  Object.entries(FILES).map(([year, file]) => [Number(year), buildYear(Number(year), file)]),
);

/** Whether production-calendar data exists for the year (otherwise a Mon–Fri fallback is used). */
export function hasCalendarYear(year: number): boolean {
  return YEARS.has(year);
}

/** Years with production-calendar data, ascending. */
export function calendarYears(): number[] {
  return [...YEARS.keys()].sort((a, b) => a - b);
}

/** Where the working/non-working status of a date comes from. */
export type CalendarSource = "production" | "weekdays_fallback";

export function calendarSourceOf(localDate: LocalDate): CalendarSource {
  return hasCalendarYear(parseLocalDate(localDate).year) ? "production" : "weekdays_fallback";
}

/**
 * Whether the local (Sakhalin) date is a working day. Years without data fall back to plain
 * Mon–Fri, which ignores holidays and moved days — callers can detect that via `hasCalendarYear`.
 */
export function isWorkingDay(localDate: LocalDate): boolean {
  const year = YEARS.get(parseLocalDate(localDate).year);
  if (year) return !year.nonWorking.has(localDate);
  return isoWeekdayOf(localDate) <= 5;
}

/** Whether the date is a shortened pre-holiday working day (always false without data). */
export function isPreHoliday(localDate: LocalDate): boolean {
  const year = YEARS.get(parseLocalDate(localDate).year);
  return year ? year.preHoliday.has(localDate) : false;
}

// A guard against looping forever on corrupt data (e.g. a year listed as all holidays).
const MAX_SCAN_DAYS = 400;

/** The date itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(localDate: LocalDate): LocalDate {
  let date = localDate;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    if (isWorkingDay(date)) return date;
    date = addDaysLocal(date, 1);
  }
  throw new Error(`No working day within ${MAX_SCAN_DAYS} days of ${localDate}`);
}

/** The N-th working day strictly after the date (N ≥ 1). */
export function addWorkingDays(localDate: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Working-day count must be an integer ≥ 1: ${n}`);
  let date = localDate;
  for (let counted = 0; counted < n;) {
    date = nextWorkingDayOnOrAfter(addDaysLocal(date, 1));
    counted++;
  }
  return date;
}

/** Working days in the inclusive range [from, to]; 0 when `to` is before `from`. */
export function countWorkingDays(from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let date = from; date <= to; date = addDaysLocal(date, 1)) {
    if (isWorkingDay(date)) count++;
  }
  return count;
}

/** Years in the inclusive range [from, to] that have no calendar data. */
export function fallbackYearsBetween(from: LocalDate, to: LocalDate): number[] {
  const first = parseLocalDate(from).year;
  const last = parseLocalDate(to).year;
  const missing: number[] = [];
  for (let year = first; year <= last; year++) if (!hasCalendarYear(year)) missing.push(year);
  return missing;
}

function missingYearText(year: number): string {
  return (
    `Не загружен производственный календарь на ${year} год. ` +
    `Сроки, приходящиеся на ${year} год, считаются по графику «пн–пт» без учёта праздников ` +
    `и переносов выходных дней. Добавьте файл lib/deadlines/calendar-data/ru-${year}.json ` +
    `после публикации постановления Правительства РФ о переносе выходных дней.`
  );
}

/**
 * A Russian warning for the admin screens: from 1 October (Sakhalin time) on, the next year's
 * calendar should be loaded, because 30-day terms registered in autumn already end next year.
 */
export function missingNextYearWarning(now: Date): string | null {
  const { year, month } = parseLocalDate(localDateOf(now));
  if (month < 10 || hasCalendarYear(year + 1)) return null;
  return missingYearText(year + 1);
}

/** A Russian warning when even the current (Sakhalin) year has no calendar data. */
export function missingCurrentYearWarning(now: Date): string | null {
  const { year } = parseLocalDate(localDateOf(now));
  return hasCalendarYear(year) ? null : missingYearText(year);
}
