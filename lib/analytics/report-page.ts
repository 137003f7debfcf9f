// What the report pages (builder, print view) and the export handler need from a URL: the form's
// values as typed, the validated configuration, the result or a Russian error, and the saved
// report the URL refers to (own or shared; anything else is simply not found).
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, publicMessage } from "@/lib/errors";
import {
  configError,
  configFromSearchParams,
  defaultReportConfig,
  reportConfigSchema,
  serializeReportConfig,
  type ReportConfig,
} from "./report-config";
import { runReport, type ReportResult } from "./report";
import { getSavedReport, type SavedReportView } from "./report-saved";

export type RawParams = Record<string, string | string[] | undefined>;
export type BuilderValuesT = {
  rows: string[];
  col: string;
  measures: string[];
  filters: Record<string, string | undefined>;
};

export type ReportPageData = {
  values: BuilderValuesT;
  config: ReportConfig | null;
  result: ReportResult | null;
  error: string | null;
  saved: SavedReportView | null;
  savedError: string | null;
  title: string;
  /** The canonical URL query when the incoming one carried empty fields (a submitted GET form). */
  canonical: string | null;
};

export const DEFAULT_TITLE = "Отчёт по сообщениям жителей";

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function valuesOf(raw: unknown): BuilderValuesT {
  const r = (raw ?? {}) as { rows?: unknown; columns?: unknown; measures?: unknown; filters?: unknown };
  const list = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
  const filters = (typeof r.filters === "object" && r.filters ? r.filters : {}) as Record<string, unknown>;
  return {
    rows: list(r.rows),
    col: list(r.columns)[0] ?? "",
    measures: list(r.measures),
    filters: Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, typeof v === "string" ? v : undefined])),
  };
}

export async function loadReportPage(
  user: CurrentUser,
  raw: RawParams,
  opts: { run?: boolean } = {},
): Promise<ReportPageData> {
  let saved: SavedReportView | null = null;
  let savedError: string | null = null;
  const savedId = first(raw.saved);
  if (savedId) {
    try {
      saved = await getSavedReport(user, savedId);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      savedError =
        e.code === "not_found"
          ? "Сохранённый отчёт не найден: его удалили или владелец закрыл к нему доступ."
          : e.message;
    }
  }
  const fromUrl = configFromSearchParams(raw);
  const rawConfig = fromUrl ?? saved?.config ?? defaultReportConfig();
  const parsed = reportConfigSchema.safeParse(rawConfig);
  const title = saved?.name ?? DEFAULT_TITLE;
  const values = valuesOf(rawConfig);
  if (!parsed.success) {
    return {
      values,
      config: null,
      result: null,
      error: configError(parsed.error),
      saved,
      savedError,
      title,
      canonical: null,
    };
  }
  const hasEmpty = Object.values(raw).some((v) => v === "" || (Array.isArray(v) && v.includes("")));
  const canonical = fromUrl && hasEmpty ? serializeReportConfig(parsed.data, { saved: saved?.id }) : null;
  if (opts.run === false || canonical)
    return { values, config: parsed.data, result: null, error: null, saved, savedError, title, canonical };
  try {
    const result = await runReport(user, parsed.data);
    return { values, config: parsed.data, result, error: null, saved, savedError, title, canonical: null };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("report failed", e);
    return {
      values,
      config: parsed.data,
      result: null,
      error: publicMessage(e),
      saved,
      savedError,
      title,
      canonical: null,
    };
  }
}
