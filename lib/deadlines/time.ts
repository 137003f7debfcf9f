import { TZDate } from "@date-fns/tz";

/**
 * The municipality's time zone. Deadlines are counted in local days here, while instants are
 * stored in UTC. Sakhalin has been fixed at UTC+11 without DST since 2016, but we still go
 * through the tz database so that a future change of the offset is picked up automatically.
 */
export const MUNICIPAL_TZ = "Asia/Sakhalin";

/** A calendar date with no time zone attached, formatted `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface LocalDateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30 (which `Date` would roll over). */
export function parseLocalDate(localDate: LocalDate): LocalDateParts {
  const match = LOCAL_DATE_RE.exec(localDate);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Invalid local date (expected YYYY-MM-DD): ${JSON.stringify(localDate)}`);
}

export function isValidLocalDate(value: string): boolean {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatLocalDate(parts: LocalDateParts): LocalDate {
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** The Sakhalin calendar date on which the given instant falls. */
export function localDateOf(instant: Date): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid instant");
  const local = new TZDate(instant.getTime(), MUNICIPAL_TZ);
  return formatLocalDate({
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
  });
}

/** The UTC instant of 23:59:59.999 Sakhalin time on the given local day. */
export function endOfLocalDay(localDate: LocalDate): Date {
  const { year, month, day } = parseLocalDate(localDate);
  const local = new TZDate(year, month - 1, day, 23, 59, 59, 999, MUNICIPAL_TZ);
  return new Date(local.getTime());
}

/** The UTC instant of 00:00 Sakhalin time on the given local day. */
export function startOfLocalDay(localDate: LocalDate): Date {
  const { year, month, day } = parseLocalDate(localDate);
  const local = new TZDate(year, month - 1, day, 0, 0, 0, 0, MUNICIPAL_TZ);
  return new Date(local.getTime());
}

/**
 * Shifts a local date by whole days. Pure date arithmetic in UTC, so no time zone or DST can
 * make a "day" shorter or longer than one calendar step.
 */
export function addDaysLocal(localDate: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  const { year, month, day } = parseLocalDate(localDate);
  const shifted = new Date(Date.UTC(year, month - 1, day + n));
  return formatLocalDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(localDate: LocalDate): number {
  const { year, month, day } = parseLocalDate(localDate);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}
