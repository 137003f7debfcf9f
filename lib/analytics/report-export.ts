// A report as a flat table (one header row) for CSV and XLSX: the row dimensions, then each
// column value × measure, then «Итого» × measure, and the «Итого» row at the bottom.
import "server-only";
import ExcelJS from "exceljs";
import { formatDateTime } from "@/lib/format";
import { DIMENSION_LABELS, MEASURE_INFO, type MeasureKind } from "./report-config";
import { filtersText, layoutText, periodText, reportNotes } from "./report-format";
import type { ReportCell, ReportResult } from "./report";

export type MatrixColumn = { header: string; kind: "text" | MeasureKind };
export type Matrix = { columns: MatrixColumn[]; rows: (string | number | null)[][]; totalsRow: boolean };

export function reportMatrix(r: ReportResult): Matrix {
  const c = r.config;
  const columns: MatrixColumn[] = c.rows.map((d) => ({ header: DIMENSION_LABELS[d], kind: "text" as const }));
  for (const col of r.columns)
    for (const m of c.measures)
      columns.push({ header: `${col.label} · ${MEASURE_INFO[m].label}`, kind: MEASURE_INFO[m].kind });
  for (const m of c.measures)
    columns.push({
      header: r.columns.length ? `Итого · ${MEASURE_INFO[m].label}` : MEASURE_INFO[m].label,
      kind: MEASURE_INFO[m].kind,
    });
  const values = (cells: ReportCell[], total: ReportCell) =>
    [...cells, total].flatMap((cell) => c.measures.map((m) => cell.values[m] ?? null));
  const rows = r.rows.map((row) => [...row.headers.map((h) => h.label), ...values(row.cells, row.total)]);
  if (r.totals)
    rows.push([...c.rows.map((_, i) => (i === 0 ? "Итого" : "")), ...values(r.totals.cells, r.totals.total)]);
  return { columns, rows, totalsRow: r.totals !== null };
}

const csvDecimal = (v: number, digits: number) => v.toFixed(digits).replace(".", ",");

/** Text that a spreadsheet would run as a formula (a locality typed by a resident) gets a quote. */
function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV for Russian Excel: UTF-8 with BOM, «;» between fields, decimal comma, shares in percent. */
export function reportCsv(r: ReportResult): string {
  const m = reportMatrix(r);
  const lines = [m.columns.map((col) => csvText(col.header)).join(";")];
  for (const row of m.rows) {
    lines.push(
      row
        .map((v, i) => {
          if (v == null) return "";
          if (typeof v === "string") return csvText(v);
          const kind = m.columns[i].kind;
          return kind === "share" ? csvDecimal(v * 100, 1) : kind === "hours" ? csvDecimal(v, 1) : String(v);
        })
        .join(";"),
    );
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

const NUM_FMT: Record<MeasureKind, string> = { count: "#,##0", share: "0.0 %", hours: "0.0" };

/** XLSX: the table on «Отчёт» (bold frozen header, number formats, widths) and the parameters on
 * «Параметры». */
export async function reportXlsx(r: ReportResult, title: string): Promise<Buffer> {
  const m = reportMatrix(r);
  const wb = new ExcelJS.Workbook();
  wb.creator = "МЦУ Холмск";
  wb.created = new Date(r.generatedAt);
  const ws = wb.addWorksheet("Отчёт", { views: [{ state: "frozen", xSplit: r.config.rows.length, ySplit: 1 }] });
  ws.columns = m.columns.map((col) => ({
    header: col.header,
    width: col.kind === "text" ? 34 : Math.min(Math.max(12, col.header.length + 2), 40),
    style: col.kind === "text" ? {} : { numFmt: NUM_FMT[col.kind] },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 45;
  for (const row of m.rows) ws.addRow(row);
  if (m.totalsRow) ws.getRow(ws.rowCount).font = { bold: true };

  const info = wb.addWorksheet("Параметры");
  info.columns = [{ width: 22 }, { width: 100 }];
  const rows: [string, string][] = [
    ["Отчёт", title],
    ["Период", periodText(r.config)],
    ["Фильтры", filtersText(r.config)],
    ["Разрезы", layoutText(r.config)],
    ["Сообщений за период", String(r.messageCount)],
    ["Сформирован", `${formatDateTime(r.generatedAt)} (сахалинское время)`],
    ...reportNotes(r.config).map((n) => ["Примечание", n] as [string, string]),
  ];
  if (r.rowsCut > 0)
    rows.push(["Примечание", `Показаны первые ${r.rows.length} строк; ещё ${r.rowsCut} не поместились.`]);
  for (const row of rows) info.addRow(row);
  info.getColumn(1).font = { bold: true };
  info.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** «Отчёт по темам 2026-01-01–2026-03-31.xlsx», without characters a file system refuses. */
export function exportFileName(title: string, r: ReportResult, ext: "csv" | "xlsx"): string {
  const clean =
    title
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 100) || "Отчёт";
  return `${clean} ${r.config.filters.from}–${r.config.filters.to}.${ext}`;
}
