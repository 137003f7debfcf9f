// Russian wording of the growth statistics. Pure and safe for client components.
import { format } from "date-fns";
import { ru } from "date-fns/locale";
import { parseLocalDate, type LocalDate } from "@/lib/deadlines/time";

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

function comma(s: string): string {
  return s.replace(".", ",");
}

/** «0,8», «12», «1 234,5»: at most one decimal, Russian separators. */
export function formatDecimal(x: number): string {
  return new Intl.NumberFormat("ru-RU", { maximumFractionDigits: x < 10 ? 1 : 0 }).format(x);
}

/** A p- or q-value: «0,032», «< 10⁻¹²» or «6,0 · 10⁻⁸». */
export function formatProbability(p: number): string {
  if (p >= 0.001) return comma(p >= 0.1 ? p.toFixed(2) : p.toPrecision(2));
  if (p < 1e-12) return "< 10⁻¹²";
  const [mantissa, exp] = p.toExponential(1).split("e");
  return `${comma(mantissa)} · 10${String(Number(exp))
    .split("")
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join("")}`;
}

/** «p = 0,032», «q < 10⁻¹²». */
export function formatProbabilityTerm(name: string, p: number): string {
  const v = formatProbability(p);
  return v.startsWith("<") ? `${name} ${v}` : `${name} = ${v}`;
}

/** «рост в 1,5 раза», «рост в 19 раз», «рост в 32 раза»; «раньше таких сообщений не было». */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return "раньше таких сообщений не было";
  const text = formatDecimal(ratio);
  const n = Number(text.replace(/\s/g, "").replace(",", "."));
  const word = !Number.isInteger(n) || (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? "раза" : "раз";
  return `рост в ${text} ${word}`;
}

function d(local: LocalDate): Date {
  const { year, month, day } = parseLocalDate(local);
  return new Date(year, month - 1, day);
}

/** «22–28 ноября 2026», «29 ноября – 5 декабря 2026». */
export function formatWeek(from: LocalDate, to: LocalDate): string {
  const a = d(from);
  const b = d(to);
  if (a.getFullYear() !== b.getFullYear())
    return `${format(a, "d MMMM yyyy", { locale: ru })} – ${format(b, "d MMMM yyyy", { locale: ru })}`;
  if (a.getMonth() !== b.getMonth())
    return `${format(a, "d MMMM", { locale: ru })} – ${format(b, "d MMMM yyyy", { locale: ru })}`;
  return `${format(a, "d", { locale: ru })}–${format(b, "d MMMM yyyy", { locale: ru })}`;
}

/** «1 сообщение», «3 сообщения», «14 сообщений». */
export function messagesWord(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const w =
    m10 === 1 && m100 !== 11
      ? "сообщение"
      : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)
        ? "сообщения"
        : "сообщений";
  return `${new Intl.NumberFormat("ru-RU").format(n)} ${w}`;
}
