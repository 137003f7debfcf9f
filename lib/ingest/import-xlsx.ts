import "server-only";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { audit } from "@/lib/audit";
import { loadRoutingContext } from "@/lib/routing/context";
import { prepareMessages } from "./prepare";
import { writePage } from "./write-page";
import { readIncidentXlsx, type XlsxRow } from "./xlsx-rows";

export type ImportReport = { total: number; imported: number; duplicates: number; rejected: { row: number; error: string }[] };
export type ImportPreview = { columns: string[]; total: number; valid: number; rows: XlsxRow[] };

const CHUNK = 500;

export async function previewIncidentXlsx(buf: Buffer, limit = 10): Promise<ImportPreview> {
  const sheet = await readIncidentXlsx(buf);
  return { columns: sheet.columns, total: sheet.rows.length, valid: sheet.rows.filter((r) => r.ok).length, rows: sheet.rows.slice(0, limit) };
}

/** Imports in chunks (each one transaction); duplicates of stored incidents are counted, not re-added. */
export async function importIncidentXlsx(actorId: number, buf: Buffer, onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  const sheet = await readIncidentXlsx(buf);
  const report: ImportReport = { total: sheet.rows.length, imported: 0, duplicates: 0, rejected: [] };
  for (const r of sheet.rows) if (!r.ok) report.rejected.push({ row: r.row, error: r.error });
  const good = sheet.rows.flatMap((r) => (r.ok ? [r.message] : []));
  const ctx = await loadRoutingContext(db());
  const client = await pgPool().connect();
  try {
    for (let i = 0; i < good.length; i += CHUNK) {
      const chunk = prepareMessages(good.slice(i, i + CHUNK), ctx);
      const w = await writePage(client, "incident", undefined, undefined, chunk, []);
      report.imported += w.inserted;
      report.duplicates += good.slice(i, i + CHUNK).length - w.inserted;
      onProgress?.(Math.min(good.length, i + CHUNK) + report.rejected.length, report.total);
    }
  } finally {
    client.release();
  }
  onProgress?.(report.total, report.total);
  await audit({ actorId, action: "xlsx_imported", entity: "channel", entityId: "incident", data: { imported: report.imported, duplicates: report.duplicates, rejected: report.rejected.length } });
  return report;
}
