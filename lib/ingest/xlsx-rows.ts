// Reads an «Инцидент Менеджмент» xlsx export (columns «Текст инцидента», «Тип инцидента», «Итог»,
// «Дата создания») into validated rows. Pure: no database. The file is read as a stream, row by
// row, with limits on its size, on what it unpacks to and on the number of rows, so a small file
// that unpacks to millions of rows is refused without being held in memory.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { NormalizedMessage } from "@/lib/channels/types";
import { toPlainText } from "@/lib/channels/sanitize";
import { checkZipLimits, EMPTY_END_OF_ZIP, storedEntry, ZipLimitError, type ZipEntry } from "./zip-limits";

export const REQUIRED_COLUMNS = ["Текст инцидента", "Тип инцидента", "Итог", "Дата создания"] as const;
export const MAX_ROWS = 50_000;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What the workbook's parts may unpack to, together (the sheet's XML is nearly all of it). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 1_000;

export type XlsxRow = { row: number; ok: true; message: NormalizedMessage } | { row: number; ok: false; error: string };

export class XlsxFormatError extends Error {}

const NOT_XLSX = "Не удалось прочитать файл: это не книга Excel (.xlsx).";
const nf = (n: number) => n.toLocaleString("ru-RU");

/** An error thrown by the caller's row handler, carried through unchanged. */
class HandlerError {
  constructor(readonly error: unknown) {}
}

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

/** Streams the first sheet: checks the file, then the header row, then calls `onRow` for each
 * data row that is not blank (awaited, so the caller may write rows as they come). Throws
 * XlsxFormatError (a Russian message) for a bad or too large file, and stops reading at row
 * MAX_ROWS + 1. Returns the header's column names. */
export async function readIncidentXlsx(
  buf: Buffer,
  onRow: (row: XlsxRow) => void | Promise<void>,
): Promise<{ columns: string[] }> {
  if (buf.byteLength > MAX_FILE_BYTES) throw new XlsxFormatError(`Файл больше ${MAX_FILE_BYTES / 1024 / 1024} МБ.`);
  let entries: ZipEntry[];
  try {
    entries = await checkZipLimits(buf, { maxUnpackedBytes: MAX_UNPACKED_BYTES, maxEntries: MAX_ZIP_ENTRIES });
  } catch (e) {
    if (!(e instanceof ZipLimitError)) throw e;
    throw new XlsxFormatError(
      e.reason === "too_large"
        ? `Файл в распакованном виде больше ${MAX_UNPACKED_BYTES / 1024 / 1024} МБ. Разделите его на части.`
        : NOT_XLSX,
    );
  }
  const input = Readable.from(streamingOrder(buf, entries));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  try {
    for await (const ws of reader) {
      // Only the first sheet is read; leaving the loop stops reading the file.
      let index: Map<string, number> | null = null;
      let count = 0;
      for await (const row of ws) {
        if (!index) {
          index = new Map();
          if (row.number === 1) row.eachCell((cell, col) => index!.set(cellText(cell.value).trim(), col));
          const missing = REQUIRED_COLUMNS.filter((c) => !index!.has(c));
          if (missing.length)
            throw new XlsxFormatError(`В первой строке нет столбцов: ${missing.map((m) => `«${m}»`).join(", ")}.`);
          if (row.number === 1) continue;
        }
        if (++count > MAX_ROWS)
          throw new XlsxFormatError(
            `В файле больше ${nf(MAX_ROWS)} строк. Разделите его на части по ${nf(MAX_ROWS)} строк.`,
          );
        const r = toRow(row, index);
        if (!r) continue;
        try {
          await onRow(r);
        } catch (e) {
          throw new HandlerError(e);
        }
      }
      if (!index)
        throw new XlsxFormatError(`В первой строке нет столбцов: ${REQUIRED_COLUMNS.map((m) => `«${m}»`).join(", ")}.`);
      return { columns: [...index.keys()] };
    }
  } catch (e) {
    if (e instanceof HandlerError) throw e.error;
    if (e instanceof XlsxFormatError) throw e;
    throw new XlsxFormatError(NOT_XLSX);
  } finally {
    input.destroy();
  }
  throw new XlsxFormatError("В книге нет листов.");
}

const EMPTY_SHARED_STRINGS = storedEntry(
  "xl/sharedStrings.xml",
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
  ),
);

/** The parts the streaming reader needs, in the order that lets it read the first sheet as a
 * stream: it parks a sheet that comes before the shared strings and the workbook's relations in a
 * temporary file (Excel writes sheets first), which a reader stopped early never removes. Only the
 * first sheet is passed; shared strings are supplied empty when the book has none. */
function streamingOrder(buf: Buffer, entries: ZipEntry[]): Buffer[] {
  const part = (name: string) => entries.find((e) => e.name === name);
  const rels = part("xl/_rels/workbook.xml.rels");
  const book = part("xl/workbook.xml");
  if (!rels || !book) throw new XlsxFormatError(NOT_XLSX);
  const sheetNo = (e: ZipEntry) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(e.name)?.[1] ?? NaN);
  const [sheet] = entries.filter((e) => Number.isFinite(sheetNo(e))).sort((a, b) => sheetNo(a) - sheetNo(b));
  if (!sheet) throw new XlsxFormatError("В книге нет листов.");
  const styles = part("xl/styles.xml");
  const strings = part("xl/sharedStrings.xml");
  const bytes = (e: ZipEntry) => buf.subarray(e.start, e.end);
  return [
    bytes(rels),
    bytes(book),
    ...(styles ? [bytes(styles)] : []),
    strings ? bytes(strings) : EMPTY_SHARED_STRINGS,
    bytes(sheet),
    EMPTY_END_OF_ZIP,
  ];
}

/** One data row, or null for a blank line. */
function toRow(row: ExcelJS.Row, index: Map<string, number>): XlsxRow | null {
  const r = row.number;
  const get = (c: (typeof REQUIRED_COLUMNS)[number]) => row.getCell(index.get(c)!).value;
  const rawText = cellText(get("Текст инцидента"));
  if (!rawText.trim() && !cellText(get("Дата создания")).trim()) return null; // blank line
  const text = toPlainText(rawText);
  const created = parseCreated(get("Дата создания"));
  if (!text) return { row: r, ok: false, error: "пустой «Текст инцидента»" };
  if (!created)
    return { row: r, ok: false, error: `неверная «Дата создания»: «${cellText(get("Дата создания")).slice(0, 40)}»` };
  const type = cellText(get("Тип инцидента")).trim() || null;
  const outcome = cellText(get("Итог")).trim() || null;
  // The export has no id: the same incident re-exported hashes to the same external id.
  const externalId =
    "xlsx-" + createHash("sha1").update(`${created.toISOString()}\u0000${text}`).digest("hex").slice(0, 24);
  return {
    row: r,
    ok: true,
    message: {
      channel: "incident",
      externalId,
      regime: "social_incident",
      textRaw: rawText,
      textClean: text,
      title: null,
      sourceUrl: null,
      authorName: null,
      authorPhone: null,
      authorEmail: null,
      authorProfile: null,
      address: null,
      locality: null,
      lat: null,
      lon: null,
      sourceCategory: type,
      sourceSubcategory: null,
      createdAt: created,
      sourceVersion: "xlsx",
      attachments: [],
      extra: { source: "xlsx", outcome },
    },
  };
}
