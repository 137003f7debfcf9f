// Dates are stored in UTC and shown in the municipality's time zone with the Russian locale.
import { format } from "date-fns";
import { ru } from "date-fns/locale";
import { TZDate } from "@date-fns/tz";

export const DISPLAY_TZ = "Asia/Sakhalin";

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return format(new TZDate(new Date(d), DISPLAY_TZ), "d MMM yyyy, HH:mm", { locale: ru });
}

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return format(new TZDate(new Date(d), DISPLAY_TZ), "d MMMM yyyy", { locale: ru });
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat("ru-RU").format(n);
}
