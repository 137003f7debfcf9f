// The weeks that «Причины роста» compares. Pure, so the window is unit-tested and shared by the
// page (headings, queue links) and the data function.
//
// «This week» is the last 7 Sakhalin calendar days ending today (today included, up to now): a
// rolling window, so Monday morning still compares a full week rather than a few hours, and its
// first and last local days are exactly the queue's from/to filter (the link lists the same
// messages). The baseline is the 8 rolling weeks before it (56 local days). Sakhalin keeps UTC+11
// all year, so every week is exactly 7 × 24 hours.
//
// A baseline week that begins before the first message in the database is not a «quiet» week but
// one without data: only weeks that lie wholly after the first message's day count (a new
// installation or the demo data has a few weeks of history, not eight).
import { addDaysLocal, localDateOf, startOfLocalDay, type LocalDate } from "@/lib/deadlines/time";

export const BASELINE_WEEKS = 8;
/** With fewer baseline weeks the comparison says little; the page then explains why it is empty. */
export const MIN_BASELINE_WEEKS = 2;

export type GrowthWeek = { from: LocalDate; to: LocalDate; start: Date; end: Date };

export type GrowthWindow = {
  /** This week: the last 7 local days, today included. */
  current: GrowthWeek;
  /** Baseline weeks with data, oldest first (at most BASELINE_WEEKS). */
  baseline: GrowthWeek[];
};

function week(from: LocalDate): GrowthWeek {
  const to = addDaysLocal(from, 6);
  return { from, to, start: startOfLocalDay(from), end: startOfLocalDay(addDaysLocal(to, 1)) };
}

export function growthWindow(now: Date, firstMessageAt: Date | null): GrowthWindow {
  const today = localDateOf(now);
  const current = week(addDaysLocal(today, -6));
  // The first local day that is wholly covered by data.
  const firstFullDay = firstMessageAt ? addDaysLocal(localDateOf(firstMessageAt), 1) : null;
  const baseline: GrowthWeek[] = [];
  for (let k = 1; k <= BASELINE_WEEKS; k++) {
    const w = week(addDaysLocal(current.from, -7 * k));
    if (!firstFullDay || w.from < firstFullDay) break;
    baseline.unshift(w);
  }
  return { current, baseline };
}
