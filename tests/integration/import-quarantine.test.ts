import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { importIncidentXlsx, previewIncidentXlsx } from "@/lib/ingest/import-xlsx";
import { retryQuarantined } from "@/lib/ingest/retry-quarantined";
import { pullChannel } from "@/lib/ingest/pull-channel";
import { ensureSeeded } from "../support/seeded";
import { simulatorFor } from "../support/ingest-helpers";

export async function incidentWorkbook(rows: (string | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Инциденты");
  ws.addRow(["Текст инцидента", "Тип инцидента", "Итог", "Дата создания"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let actorId = 0;
beforeAll(async () => {
  await ensureSeeded();
  actorId = (await db().user.findUniqueOrThrow({ where: { login: "coordinator" } })).id;
});

describe("xlsx import of «Инцидент Менеджмент»", () => {
  it("imports good rows, rejects bad ones with reasons, and a re-import adds nothing", async () => {
    const stamp = Date.now();
    const buf = await incidentWorkbook([
      [`Ямы на дороге по ул. Победы, колесо пробил ${stamp}`, "Дороги", "Передано в СЕЗ", "12.11.2026 10:15"],
      [`<p>Во дворе Советская 45 не вывозят мусор</p> ${stamp}`, "ТКО", "В работе", new Date("2026-11-13T01:00:00Z")],
      ["", "ЖКХ", "—", "13.11.2026 09:00"],
      [`Нет отопления в доме на Морской ${stamp}`, "ЖКХ", "Решено", "31.02.2026 09:00"],
      [`Не работает светофор на Ленина ${stamp}`, "Дороги", "", "2026-11-14T09:30:00+11:00"],
    ]);
    const preview = await previewIncidentXlsx(buf);
    expect(preview.total).toBe(5);
    expect(preview.valid).toBe(3);
    const progress: number[] = [];
    const r = await importIncidentXlsx(actorId, buf, (done) => progress.push(done));
    expect(r).toMatchObject({ total: 5, imported: 3, duplicates: 0 });
    expect(r.rejected).toEqual([
      { row: 4, error: "пустой «Текст инцидента»" },
      { row: 5, error: "неверная «Дата создания»: «31.02.2026 09:00»" },
    ]);
    expect(progress.at(-1)).toBe(5);
    const m = await db().message.findFirstOrThrow({
      where: { channel: "incident", textClean: { contains: `Советская 45 не вывозят мусор</p>`.replace("</p>", "") } },
    });
    expect(m.textClean).not.toContain("<p>");
    expect(m.sourceCategory).toBe("ТКО");
    expect(m.sourceCreatedAt.toISOString()).toBe("2026-11-13T01:00:00.000Z");
    const again = await importIncidentXlsx(actorId, buf);
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
  });

  it("refuses a file without the required columns or that is not xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").addRow(["Текст", "Дата"]);
    await expect(previewIncidentXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toThrow(/нет столбцов/);
    await expect(previewIncidentXlsx(Buffer.from("not a workbook"))).rejects.toThrow(/не книга Excel/);
  });
});

describe("quarantine retry", () => {
  it("a corrected payload is stored as a message and the quarantine row is resolved", async () => {
    const sim = await simulatorFor("smls", {
      seed: 1111,
      total: 300,
      pageSize: 100,
      editRate: 0,
      faults: { invalidItemRate: 0.05 },
    });
    try {
      await pullChannel("smls", { pageSize: 100 });
    } finally {
      await sim.close();
    }
    const q = await db().quarantinedPayload.findFirstOrThrow({
      where: { channel: "smls", status: "pending" },
      orderBy: { id: "desc" },
    });
    const unchanged = await retryQuarantined(actorId, { id: q.id });
    expect(unchanged.ok).toBe(false);
    expect((await db().quarantinedPayload.findUniqueOrThrow({ where: { id: q.id } })).attempts).toBe(2);
    // Fix it the way an admin would: correct the fields the contract requires.
    const raw = JSON.parse(q.rawBody) as Record<string, unknown>;
    const fixed = {
      ...raw,
      id: String(900_000_000 + q.id),
      text: typeof raw.text === "string" ? raw.text : "Исправленный текст: не работает освещение во дворе",
      created_at: "2026-11-20T01:00:00Z",
    };
    const r = await retryQuarantined(actorId, { id: q.id, rawBody: JSON.stringify(fixed) });
    if (!r.ok) throw new Error(`still invalid: ${r.error}`);
    const row = await db().quarantinedPayload.findUniqueOrThrow({ where: { id: q.id } });
    expect(row.status).toBe("resolved");
    expect(row.messageId).toBe(r.messageId);
    const m = await db().message.findUniqueOrThrow({ where: { id: r.messageId } });
    expect(m.externalId).toBe(String(900_000_000 + q.id));
    await expect(retryQuarantined(actorId, { id: q.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
