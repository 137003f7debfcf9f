// Dates are stored in UTC and shown in the municipality's time zone with the Russian locale.
// A queue page formats a hundred dates, so this does not build a zoned date object per call: the
// zone's UTC offset is looked up once per hour of time (Intl) and the fields are read off the
// shifted instant. Output is the same as date-fns's "d MMM yyyy, HH:mm" / "d MMMM yyyy" with the
// ru locale (format.test.ts compares the two over years of instants).

export const DISPLAY_TZ = "Asia/Sakhalin";

const MONTHS_SHORT = ["янв.", "фев.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."];
const MONTHS_LONG = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];
const HOUR = 3_600_000;

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: DISPLAY_TZ,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
});
const offsets = new Map<number, number>();

/** The zone's offset from UTC in ms at this instant (zones change offset only on the hour). */
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let off = offsets.get(hour);
  if (off === undefined) {
    const p: Record<string, number> = {};
    for (const { type, value } of partsFormat.formatToParts(hour * HOUR)) p[type] = Number(value);
    off = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - hour * HOUR;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(hour, off);
  }
  return off;
}

/** The local wall-clock time as a Date whose UTC fields are the local fields, or null. */
function local(d: Date | string | null | undefined): Date | null {
  if (!d) return null;
  const ms = typeof d === "string" ? Date.parse(d) : d.getTime();
  return Number.isNaN(ms) ? null : new Date(ms + offsetAt(ms));
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatDateTime(d: Date | string | null | undefined): string {
  const l = local(d);
  if (!l) return "—";
  return `${l.getUTCDate()} ${MONTHS_SHORT[l.getUTCMonth()]} ${l.getUTCFullYear()}, ${two(l.getUTCHours())}:${two(l.getUTCMinutes())}`;
}

export function formatDate(d: Date | string | null | undefined): string {
  const l = local(d);
  if (!l) return "—";
  return `${l.getUTCDate()} ${MONTHS_LONG[l.getUTCMonth()]} ${l.getUTCFullYear()}`;
}

const numberFormat = new Intl.NumberFormat("ru-RU");

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
