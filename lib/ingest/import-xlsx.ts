import "server-only";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { audit } from "@/lib/audit";
import { loadRoutingContext } from "@/lib/routing/context";
import { prepareMessages } from "./prepare";
import { writePage } from "./write-page";
import { readIncidentXlsx, type XlsxRow } from "./xlsx-rows";

export type ImportReport = {
  total: number;
  imported: number;
  duplicates: number;
  rejected: { row: number; error: string }[];
};
export type ImportPreview = { columns: string[]; total: number; valid: number; rows: XlsxRow[] };
/** A file read through once: every limit and the header checked, rows counted, refusals listed. */
export type ImportCheck = ImportPreview & { rejected: ImportReport["rejected"] };

const CHUNK = 500;

/** Reads the whole file without keeping its rows (only the first `limit` and the refused ones). */
export async function checkIncidentXlsx(buf: Buffer, limit = 0): Promise<ImportCheck> {
  const check: ImportCheck = { columns: [], total: 0, valid: 0, rows: [], rejected: [] };
  const { columns } = await readIncidentXlsx(buf, (r) => {
    check.total++;
    if (r.ok) check.valid++;
    else check.rejected.push({ row: r.row, error: r.error });
    if (check.rows.length < limit) check.rows.push(r);
  });
  check.columns = columns;
  return check;
}

export async function previewIncidentXlsx(buf: Buffer, limit = 10): Promise<ImportPreview> {
  const { columns, total, valid, rows } = await checkIncidentXlsx(buf, limit);
  return { columns, total, valid, rows };
}

/** Imports in chunks (each one transaction) as the rows are read; duplicates of stored incidents
 * are counted, not re-added. The file is checked first (`checked`, if the caller already did), so a
 * file refused for its size or row count imports nothing. */
export async function importIncidentXlsx(
  actorId: number,
  buf: Buffer,
  onProgress?: (done: number, total: number) => void,
  checked?: ImportCheck,
): Promise<ImportReport> {
  const check = checked ?? (await checkIncidentXlsx(buf));
  const report: ImportReport = { total: check.total, imported: 0, duplicates: 0, rejected: check.rejected };
  const ctx = await loadRoutingContext(db());
  const client = await pgPool().connect();
  try {
    let chunk: XlsxRowOk["message"][] = [];
    let done = 0;
    const flush = async () => {
      if (!chunk.length) return;
      const w = await writePage(client, "incident", undefined, undefined, prepareMessages(chunk, ctx), []);
      report.imported += w.inserted;
      report.duplicates += chunk.length - w.inserted;
      chunk = [];
      onProgress?.(done, report.total);
    };
    await readIncidentXlsx(buf, async (r) => {
      done++;
      if (!r.ok) return;
      chunk.push(r.message);
      if (chunk.length >= CHUNK) await flush();
    });
    await flush();
  } finally {
    client.release();
  }
  onProgress?.(report.total, report.total);
  await audit({
    actorId,
    action: "xlsx_imported",
    entity: "channel",
    entityId: "incident",
    data: { imported: report.imported, duplicates: report.duplicates, rejected: report.rejected.length },
  });
  return report;
}

type XlsxRowOk = Extract<XlsxRow, { ok: true }>;
