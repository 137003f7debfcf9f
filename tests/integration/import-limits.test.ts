// The xlsx import refuses a small file that unpacks to far too many rows (a decompression bomb)
// while reading it as a stream: the process's memory stays bounded. Also the byte limit on the
// upload and the cap on what the file unpacks to.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { importIncidentXlsx, previewIncidentXlsx } from "@/lib/ingest/import-xlsx";
import { MAX_ROWS } from "@/lib/ingest/xlsx-rows";
import { ensureSeeded } from "../support/seeded";
import { userOf } from "./workflow-support";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const orig = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...orig, authorize: async () => session.user! };
});
const { POST } = await import("@/app/api/import/incident/route");

const HOST = "desk.example.ru";
const post = (mode: string, body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  POST(
    new Request(`http://${HOST}/api/import/incident?mode=${mode}`, {
      method: "POST",
      body,
      headers: { host: HOST, origin: `http://${HOST}`, "content-type": "application/octet-stream", ...headers },
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
    undefined,
  );

const ROWS = 300_000;
const REFUSAL = `В файле больше ${MAX_ROWS.toLocaleString("ru-RU")} строк. Разделите его на части по ${MAX_ROWS.toLocaleString("ru-RU")} строк.`;
const dir = mkdtempSync(path.join(tmpdir(), "mcu-import-"));
let bomb: Buffer;

beforeAll(async () => {
  await ensureSeeded();
  session.user = await userOf("coordinator");
  // 300,000 tiny rows, written as a stream (shared strings: the same few texts repeat).
  const file = path.join(dir, "bomb.xlsx");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    zip: { zlib: { level: 9 } },
  });
  const ws = wb.addWorksheet("Инциденты");
  ws.addRow(["Текст инцидента", "Тип инцидента", "Итог", "Дата создания"]).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow(["а"]).commit();
  ws.commit();
  await wb.commit();
  bomb = readFileSync(file);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `fn`, sampling the process's resident memory; returns the growth over the start. */
async function rssGrowth(fn: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return peak - start;
}

describe("xlsx import limits", () => {
  it(`refuses a ${"~1.5 MB"} file of ${ROWS} rows with a clear message and little memory`, async () => {
    const size = statSync(path.join(dir, "bomb.xlsx")).size;
    expect(size).toBeGreaterThan(500_000);
    expect(size).toBeLessThan(3_000_000);
    const before = await db().message.count({ where: { channel: "incident" } });
    // exceljs's reader parks a sheet it cannot stream in a temporary file ("tmp-<pid>-…").
    const parked = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`tmp-${process.pid}-`)).length;
    const parkedBefore = parked();
    let preview: Response | undefined;
    let imported: Response | undefined;
    const growth = await rssGrowth(async () => {
      preview = await post("preview", new Uint8Array(bomb));
      imported = await post("import", new Uint8Array(bomb));
      await expect(importIncidentXlsx(session.user!.id, bomb)).rejects.toThrow(REFUSAL);
    });
    console.log(
      `xlsx of ${(size / 1024 / 1024).toFixed(2)} MB, ${ROWS} rows: RSS growth ${(growth / 1024 / 1024).toFixed(1)} MB`,
    );
    for (const res of [preview!, imported!]) {
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toBe(REFUSAL);
    }
    expect(growth).toBeLessThan(100 * 1024 * 1024);
    expect(parked()).toBe(parkedBefore);
    expect(await db().message.count({ where: { channel: "incident" } })).toBe(before);
  }, 120_000);

  it("reads a book written sheet first with shared strings after it (as Excel does), dates included", async () => {
    const file = path.join(dir, "ordered.xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet("Инциденты");
    ws.addRow(["Текст инцидента", "Тип инцидента", "Итог", "Дата создания"]).commit();
    ws.addRow(["Не горит фонарь на ул. Ленина, 5", "Освещение", "Передано", new Date("2026-11-13T01:00:00Z")]).commit();
    ws.addRow(["", "", "", ""]).commit();
    ws.addRow(["Яма во дворе", "Дороги", "", "31.02.2026"]).commit();
    ws.commit();
    await wb.commit();
    const p = await previewIncidentXlsx(readFileSync(file));
    expect(p).toMatchObject({ total: 2, valid: 1 });
    expect(p.columns).toEqual(["Текст инцидента", "Тип инцидента", "Итог", "Дата создания"]);
    expect(p.rows[0]).toMatchObject({
      row: 2,
      ok: true,
      message: {
        textClean: "Не горит фонарь на ул. Ленина, 5",
        sourceCategory: "Освещение",
        createdAt: new Date("2026-11-13T01:00:00Z"),
      },
    });
    expect(p.rows[1]).toEqual({ row: 4, ok: false, error: "неверная «Дата создания»: «31.02.2026»" });
  });

  it("refuses an upload over 20 MB by its length, and a chunked one as soon as it passes 20 MB", async () => {
    const big = await post("preview", "x", { "content-length": String(21 * 1024 * 1024) });
    expect(big.status).toBe(422);
    expect((await big.json()).error.message).toBe("Файл больше 20 МБ.");
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += chunk.length;
        c.enqueue(chunk);
      },
    });
    const res = await post("preview", endless);
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe("Файл больше 20 МБ.");
    expect(sent).toBeLessThan(25 * 1024 * 1024);
  });

  it("refuses a workbook whose parts unpack to more than 100 MB, even if the zip understates it", async () => {
    // A stored zip with one deflated entry of 120 MB of spaces: a few hundred KB on disk.
    const data = deflateRawSync(Buffer.alloc(120 * 1024 * 1024, 0x20), { level: 9 });
    const zip = (declared: number) => {
      const name = Buffer.from("xl/worksheets/sheet1.xml");
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(declared, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(declared, 24);
      central.writeUInt16LE(name.length, 28);
      const cdOffset = local.length + name.length + data.length;
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      eocd.writeUInt16LE(1, 8);
      eocd.writeUInt16LE(1, 10);
      eocd.writeUInt32LE(central.length + name.length, 12);
      eocd.writeUInt32LE(cdOffset, 16);
      return Buffer.concat([local, name, data, central, name, eocd]);
    };
    for (const declared of [120 * 1024 * 1024, 1000]) {
      await expect(previewIncidentXlsx(zip(declared))).rejects.toThrow(
        "Файл в распакованном виде больше 100 МБ. Разделите его на части.",
      );
    }
  });
});
