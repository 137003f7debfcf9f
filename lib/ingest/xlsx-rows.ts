// Reads an «Инцидент Менеджмент» xlsx export (columns «Текст инцидента», «Тип инцидента», «Итог»,
// «Дата создания») into validated rows. Pure: no database.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import type { NormalizedMessage } from "@/lib/channels/types";
import { toPlainText } from "@/lib/channels/sanitize";

export const REQUIRED_COLUMNS = ["Текст инцидента", "Тип инцидента", "Итог", "Дата создания"] as const;
export const MAX_ROWS = 50_000;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type XlsxRow = { row: number; ok: true; message: NormalizedMessage } | { row: number; ok: false; error: string };
export type XlsxSheet = { columns: string[]; rows: XlsxRow[] };

export class XlsxFormatError extends Error {}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "result" in v) return cellText(v.result as ExcelJS.CellValue);
  return "";
}

/** «Дата создания» as Excel date, ISO text or «дд.мм.гггг чч:мм» (Sakhalin time). */
export function parseCreated(v: ExcelJS.CellValue): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const s = cellText(v).trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (ru) {
    const [, d, mo, y, h = "0", mi = "0", sec = "0"] = ru;
    const utc = Date.UTC(+y, +mo - 1, +d, +h - 11, +mi, +sec);
    const check = new Date(Date.UTC(+y, +mo - 1, +d));
    if (check.getUTCDate() !== +d || check.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59) return null;
    return new Date(utc);
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    const t = new Date(s);
    return Number.isNaN(t.getTime()) ? null : t;
  }
  return null;
}

export async function readIncidentXlsx(buf: ArrayBuffer | Buffer): Promise<XlsxSheet> {
  if (buf.byteLength > MAX_FILE_BYTES) throw new XlsxFormatError("Файл больше 20 МБ.");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as ArrayBuffer);
  } catch {
    throw new XlsxFormatError("Не удалось прочитать файл: это не книга Excel (.xlsx).");
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new XlsxFormatError("В книге нет листов.");
  const header = ws.getRow(1);
  const index = new Map<string, number>();
  header.eachCell((cell, col) => index.set(cellText(cell.value).trim(), col));
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) throw new XlsxFormatError(`В первой строке нет столбцов: ${missing.map((m) => `«${m}»`).join(", ")}.`);
  if (ws.rowCount - 1 > MAX_ROWS) throw new XlsxFormatError(`Слишком много строк (больше ${MAX_ROWS}). Разделите файл.`);
  const rows: XlsxRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (c: (typeof REQUIRED_COLUMNS)[number]) => row.getCell(index.get(c)!).value;
    const rawText = cellText(get("Текст инцидента"));
    if (!rawText.trim() && !cellText(get("Дата создания")).trim()) continue; // blank line
    const text = toPlainText(rawText);
    const created = parseCreated(get("Дата создания"));
    if (!text) { rows.push({ row: r, ok: false, error: "пустой «Текст инцидента»" }); continue; }
    if (!created) { rows.push({ row: r, ok: false, error: `неверная «Дата создания»: «${cellText(get("Дата создания")).slice(0, 40)}»` }); continue; }
    const type = cellText(get("Тип инцидента")).trim() || null;
    const outcome = cellText(get("Итог")).trim() || null;
    // The export has no id: the same incident re-exported hashes to the same external id.
    const externalId = "xlsx-" + createHash("sha1").update(`${created.toISOString()}\u0000${text}`).digest("hex").slice(0, 24);
    rows.push({
      row: r, ok: true,
      message: {
        channel: "incident", externalId, regime: "social_incident", textRaw: rawText, textClean: text, title: null, sourceUrl: null,
        authorName: null, authorPhone: null, authorEmail: null, authorProfile: null, address: null, locality: null, lat: null, lon: null,
        sourceCategory: type, sourceSubcategory: null, createdAt: created, sourceVersion: "xlsx", attachments: [],
        extra: { source: "xlsx", outcome },
      },
    });
  }
  return { columns: [...index.keys()], rows };
}
