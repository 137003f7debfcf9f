// The report builder's configuration: which dimensions make the rows and the column, which
// measures fill the cells, and the filters. One strict zod schema for the server (runReport, saved
// reports, export) and the URL form of a report (bookmarkable). Safe for client components: only
// codes and labels here, never SQL.
import { z } from "zod";
import { addDaysLocal, isValidLocalDate, localDateOf, parseLocalDate } from "@/lib/deadlines/time";
import { QUEUE_CHANNELS, QUEUE_REGIMES, QUEUE_STATUSES } from "@/lib/queue/params";

export const DIMENSIONS = ["topic", "block", "channel", "status", "regime", "month", "locality", "curator"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  topic: "Тема",
  block: "Блок",
  channel: "Канал",
  status: "Статус",
  regime: "Правовой режим",
  month: "Месяц регистрации",
  locality: "Населённый пункт",
  curator: "Куратор блока",
};

export const MEASURES = ["count", "on_time", "satisfaction", "median_hours", "answered", "reopened"] as const;
export type Measure = (typeof MEASURES)[number];
export type MeasureKind = "count" | "share" | "hours";

export const MEASURE_INFO: Record<Measure, { label: string; kind: MeasureKind; hint: string }> = {
  count: { label: "Сообщений", kind: "count", hint: "зарегистрировано за период" },
  on_time: { label: "В срок, %", kind: "share", hint: "доля ответов, отправленных не позже срока, среди отвеченных" },
  satisfaction: {
    label: "Удовлетворённость, %",
    kind: "share",
    hint: "доля удовлетворённых жителей среди оценивших ответ",
  },
  median_hours: { label: "Медиана времени ответа, ч", kind: "hours", hint: "от регистрации до отправки ответа" },
  answered: { label: "Ответов отправлено", kind: "count", hint: "ответ ушёл жителю через канал" },
  reopened: { label: "Повторно открыто", kind: "count", hint: "житель не удовлетворён, сообщение открыто заново" },
};

/** Localities beyond this many (by count in the period) are summed up as «прочие». */
export const LOCALITY_TOP = 25;
/** A longer period would make the month dimension unreadable and the query needlessly wide. */
export const MAX_PERIOD_DAYS = 366 * 3;
/** Rows beyond this are cut off (with a note): a page or a sheet nobody can read is no report. */
export const MAX_ROWS = 500;

const day = z
  .string({ error: "Укажите дату в формате ГГГГ-ММ-ДД." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Укажите дату в формате ГГГГ-ММ-ДД.")
  .refine(isValidLocalDate, "Такой даты нет в календаре.");
const code = z.string().regex(/^[a-z0-9_]{1,40}$/, "Недопустимый код в фильтре.");
const dimension = z.enum(DIMENSIONS, { error: "Неизвестное измерение отчёта." });
const measure = z.enum(MEASURES, { error: "Неизвестный показатель отчёта." });

export const reportFiltersSchema = z.strictObject(
  {
    from: day,
    to: day,
    channel: z.enum(QUEUE_CHANNELS, { error: "Неизвестный канал." }).optional(),
    topic: code.optional(),
    block: code.optional(),
    status: z.enum(QUEUE_STATUSES, { error: "Неизвестный статус." }).optional(),
    regime: z.enum(QUEUE_REGIMES, { error: "Неизвестный правовой режим." }).optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? "Неизвестный фильтр отчёта." : "Укажите период отчёта.") },
);

const validPeriod = (f: { from: string; to: string }) => isValidLocalDate(f.from) && isValidLocalDate(f.to);
const distinct = <T>(a: T[]) => new Set(a).size === a.length;

export const reportConfigSchema = z
  .strictObject(
    {
      rows: z
        .array(dimension, { error: "Строки отчёта заданы неверно." })
        .max(2, "В строках не больше двух измерений.")
        .default([]),
      // Accepts one dimension, a list of at most one, or nothing.
      columns: z.preprocess(
        (v) => (v == null || v === "" ? [] : typeof v === "string" ? [v] : v),
        z
          .array(dimension, { error: "Столбцы отчёта заданы неверно." })
          .max(1, "В столбцах не больше одного измерения."),
      ),
      measures: z
        .array(measure, { error: "Выберите хотя бы один показатель." })
        .min(1, "Выберите хотя бы один показатель.")
        .max(4, "Не больше четырёх показателей."),
      filters: reportFiltersSchema,
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys" ? "Неизвестный параметр отчёта." : "Настройки отчёта заданы неверно.",
    },
  )
  .refine((c) => distinct(c.rows), { message: "Одно измерение дважды в строках.", path: ["rows"] })
  .refine((c) => c.columns.every((d) => !c.rows.includes(d)), {
    message: "Одно и то же измерение и в строках, и в столбцах.",
    path: ["columns"],
  })
  .refine((c) => distinct(c.measures), { message: "Показатель выбран дважды.", path: ["measures"] })
  // A date that failed its own check does not abort the object, so these guard against it.
  .refine((c) => !validPeriod(c.filters) || c.filters.from <= c.filters.to, {
    message: "Начало периода позже его конца.",
    path: ["filters"],
  })
  .refine((c) => !validPeriod(c.filters) || c.filters.to <= addDaysLocal(c.filters.from, MAX_PERIOD_DAYS), {
    message: "Период не длиннее трёх лет.",
    path: ["filters"],
  });

export type ReportConfig = z.output<typeof reportConfigSchema>;
export type ReportFilters = ReportConfig["filters"];

/** The first message of a failed validation, in Russian (for forms and the export handler). */
export function configError(e: z.ZodError): string {
  return e.issues[0]?.message ?? "Проверьте параметры отчёта.";
}

/** A year back to today (local days): the builder's default period. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const to = localDateOf(now);
  const { year, month } = parseLocalDate(to);
  const from = `${String(month === 12 ? year : year - 1).padStart(4, "0")}-${String(month === 12 ? 1 : month + 1).padStart(2, "0")}-01`;
  return { from, to };
}

export function defaultReportConfig(now = new Date()): ReportConfig {
  return { rows: ["topic"], columns: ["channel"], measures: ["count", "on_time"], filters: defaultPeriod(now) };
}

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function all(raw: Raw, key: string): string[] {
  const v = raw instanceof URLSearchParams ? raw.getAll(key) : raw[key];
  return (Array.isArray(v) ? v : v == null ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

/** Report parameters of the URL (row, col, m repeated; from, to and filters) — `null` when the URL
 * carries none, so the page shows the default report. Not validated: pass the result to the
 * schema (runReport does), so a bad URL gets a clear message rather than a silent fallback. */
export function configFromSearchParams(raw: Raw): unknown {
  const keys = ["row", "col", "m", "from", "to", "channel", "topic", "block", "status", "regime"];
  if (!keys.some((k) => all(raw, k).length > 0)) return null;
  const filters: Record<string, string> = {};
  for (const k of ["from", "to", "channel", "topic", "block", "status", "regime"]) {
    const v = all(raw, k)[0];
    if (v !== undefined) filters[k] = v;
  }
  return { rows: all(raw, "row"), columns: all(raw, "col"), measures: all(raw, "m"), filters };
}

/** The URL form of a configuration (stable order), the inverse of configFromSearchParams. */
export function serializeReportConfig(
  c: ReportConfig,
  extra: Record<string, string | number | undefined> = {},
): string {
  const q = new URLSearchParams();
  for (const r of c.rows) q.append("row", r);
  for (const col of c.columns) q.append("col", col);
  for (const m of c.measures) q.append("m", m);
  const f = c.filters;
  for (const k of ["from", "to", "channel", "topic", "block", "status", "regime"] as const) if (f[k]) q.set(k, f[k]!);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.toString();
}
