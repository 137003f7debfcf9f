// The dashboard's URL state: period preset or custom from–to (Sakhalin days, inclusive), the
// previous period of equal length, the granularity of the charts and the breakdown dimension.
// Forgiving like the queue's params: a bad value falls back to its default. Safe for client components.
import { z } from "zod";
import {
  addDaysLocal,
  isValidLocalDate,
  isoWeekdayOf,
  localDateOf,
  parseLocalDate,
  type LocalDate,
} from "@/lib/deadlines/time";

export const PERIOD_PRESETS = [
  { code: "7d", label: "7 дней", days: 7 },
  { code: "30d", label: "30 дней", days: 30 },
  { code: "quarter", label: "Квартал (90 дней)", days: 90 },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]["code"] | "custom";
export const GRANULARITIES = [
  { code: "day", label: "По дням" },
  { code: "week", label: "По неделям" },
  { code: "month", label: "По месяцам" },
] as const;
export type Granularity = (typeof GRANULARITIES)[number]["code"];
export const DIMENSIONS = [
  { code: "topic", label: "По темам" },
  { code: "channel", label: "По каналам" },
  { code: "block", label: "По блокам" },
] as const;
export type Dimension = (typeof DIMENSIONS)[number]["code"];

/** Longest custom period: two years of days keeps every chart readable and every query bounded. */
export const MAX_PERIOD_DAYS = 731;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isValidLocalDate);
export const dashboardParamsSchema = z.object({
  period: z.enum(["7d", "30d", "quarter", "custom"]).catch("30d"),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  gran: z.enum(["day", "week", "month"]).optional().catch(undefined),
  dim: z.enum(["topic", "channel", "block"]).catch("topic"),
});

export type DashboardPeriod = {
  preset: PeriodPreset;
  from: LocalDate;
  to: LocalDate;
  prevFrom: LocalDate;
  prevTo: LocalDate;
  days: number;
  gran: Granularity;
  dim: Dimension;
};

export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

function defaultGranularity(days: number): Granularity {
  return days <= 31 ? "day" : days <= 120 ? "week" : "month";
}

/** The period the URL asks for, ending today (Sakhalin) for presets; the previous period is the
 * same number of days right before it. */
export function resolveDashboardPeriod(raw: Record<string, unknown>, now = new Date()): DashboardPeriod {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== "" && first != null) clean[k] = first;
  }
  const p = dashboardParamsSchema.parse(clean);
  const today = localDateOf(now);
  let preset: PeriodPreset = p.period;
  let from: LocalDate;
  let to: LocalDate;
  if (preset === "custom" && p.from && p.to && p.from <= p.to && daysBetween(p.from, p.to) < MAX_PERIOD_DAYS) {
    from = p.from;
    to = p.to;
  } else {
    if (preset === "custom") preset = "30d";
    const n = PERIOD_PRESETS.find((x) => x.code === preset)!.days;
    to = today;
    from = addDaysLocal(today, -(n - 1));
  }
  const days = daysBetween(from, to) + 1;
  return {
    preset,
    from,
    to,
    days,
    prevTo: addDaysLocal(from, -1),
    prevFrom: addDaysLocal(from, -days),
    gran: p.gran ?? defaultGranularity(days),
    dim: p.dim,
  };
}

/** Canonical query string of the dashboard (defaults left out). */
export function serializeDashboardParams(p: Pick<DashboardPeriod, "preset" | "from" | "to" | "gran" | "dim">): string {
  const q = new URLSearchParams();
  if (p.preset !== "30d") q.set("period", p.preset);
  if (p.preset === "custom") {
    q.set("from", p.from);
    q.set("to", p.to);
  }
  q.set("gran", p.gran);
  if (p.dim !== "topic") q.set("dim", p.dim);
  return q.toString();
}

export type Bucket = { key: string; from: LocalDate; to: LocalDate; label: string };

const MONTHS_SHORT = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
const MONTHS = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];

export function shortDate(d: LocalDate): string {
  const { month, day: dd } = parseLocalDate(d);
  return `${dd} ${MONTHS_SHORT[month - 1]}`;
}

export function longDate(d: LocalDate): string {
  const { year, month, day: dd } = parseLocalDate(d);
  return `${dd} ${MONTHS_SHORT[month - 1]} ${year}`;
}

/** The first day of the bucket that holds `d`. */
export function bucketStart(d: LocalDate, gran: Granularity): LocalDate {
  if (gran === "day") return d;
  if (gran === "week") return addDaysLocal(d, 1 - isoWeekdayOf(d));
  return `${d.slice(0, 7)}-01`;
}

function nextBucketStart(start: LocalDate, gran: Granularity): LocalDate {
  if (gran === "day") return addDaysLocal(start, 1);
  if (gran === "week") return addDaysLocal(start, 7);
  const { year, month } = parseLocalDate(start);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/** Day, ISO week (Monday first) or calendar month buckets covering from–to, clipped to the period
 * so a bucket's click-through shows only messages of the chosen period. */
export function bucketsOf(from: LocalDate, to: LocalDate, gran: Granularity): Bucket[] {
  const out: Bucket[] = [];
  for (let s = bucketStart(from, gran); s <= to; s = nextBucketStart(s, gran)) {
    const bFrom = s < from ? from : s;
    const end = addDaysLocal(nextBucketStart(s, gran), -1);
    const bTo = end > to ? to : end;
    const label =
      gran === "day"
        ? shortDate(bFrom)
        : gran === "week"
          ? bFrom === bTo
            ? shortDate(bFrom)
            : `${shortDate(bFrom)} – ${shortDate(bTo)}`
          : `${MONTHS[parseLocalDate(s).month - 1]} ${s.slice(0, 4)}`;
    out.push({ key: s, from: bFrom, to: bTo, label });
  }
  return out;
}
