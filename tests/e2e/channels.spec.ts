import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { startSimulator } from "@/lib/channels/simulator";
import { expectAccessible, query, signIn } from "./helpers";

test("the МЦУ head pauses, resumes and loads a channel now from the «Каналы» page", async ({ page }) => {
  const sim = await startSimulator({
    channel: "sakhalin",
    seed: 4242,
    total: 120,
    pageSize: 50,
    editRate: 0,
    anchor: new Date("2026-11-20T00:00:00Z"),
  });
  try {
    await query(`UPDATE channels SET base_url = $1, cursor = NULL, paused = false WHERE code = 'sakhalin'`, [sim.url]);
    await signIn(page, "mcu_head");
    await page.goto("/admin/channels");
    await expect(page.getByRole("heading", { level: 1, name: "Каналы" })).toBeVisible();
    await expectAccessible(page);
    const row = page.getByTestId("channel-sakhalin");
    await row.getByRole("button", { name: "Приостановить: Сахалин.Онлайн" }).click();
    await expect(row.getByText("Приостановлен", { exact: true })).toBeVisible();
    expect((await query<{ paused: boolean }>(`SELECT paused FROM channels WHERE code = 'sakhalin'`))[0].paused).toBe(
      true,
    );
    await row.getByRole("button", { name: "Возобновить: Сахалин.Онлайн" }).click();
    await expect(row.getByText("Работает", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: "Загрузить сейчас: Сахалин.Онлайн" }).click();
    await expect(row.getByText(/Загружено новых: 120/)).toBeVisible({ timeout: 30_000 });
    const ids = Array.from({ length: 120 }, (_, i) => sim.externalIdOf(i));
    const [{ n }] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM messages WHERE channel = 'sakhalin' AND external_id = ANY($1)`,
      [ids],
    );
    expect(Number(n)).toBe(120);
  } finally {
    await sim.close();
  }
});

test("a quarantined payload is corrected and retried from the admin page", async ({ page }) => {
  // A real СМ ЛС item from the simulator, broken the way a channel sometimes breaks it.
  const sim = await startSimulator({ channel: "smls", seed: 777, total: 5 });
  const page1 = await (await fetch(`${sim.url}/api/v1/messages?limit=1`)).json();
  await sim.close();
  const stamp = Date.now();
  const good = { ...page1.items[0], id: String(stamp) };
  const bad = { ...good, created_at: "вчера вечером" };
  await query(
    `INSERT INTO quarantined_payloads (channel, external_id, raw_body, raw_hash, error) VALUES ('smls', $1, $2, md5($2), 'created_at: Invalid ISO datetime')`,
    [String(stamp), JSON.stringify(bad)],
  );
  const [{ id }] = await query<{ id: number }>(`SELECT id FROM quarantined_payloads WHERE external_id = $1`, [
    String(stamp),
  ]);
  await signIn(page, "mcu_head");
  await page.goto("/admin/channels");
  const item = page.getByTestId("quarantine-item").filter({ hasText: String(stamp) });
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: "Повторить" }).click();
  await expect(item.getByText(/Снова не прошло проверку/)).toBeVisible();
  const fixed = { ...bad, created_at: good.created_at };
  await item.getByLabel("Исходные данные (можно исправить перед повтором)").fill(JSON.stringify(fixed));
  await item.getByRole("button", { name: "Повторить" }).click();
  await expect(page.getByText(/Сообщение из карантина сохранено: № \d+/)).toBeVisible();
  const [row] = await query<{ status: string; message_id: number }>(
    `SELECT status, message_id FROM quarantined_payloads WHERE id = $1`,
    [id],
  );
  expect(row.status).toBe("resolved");
  expect(row.message_id).toBeGreaterThan(0);
});

test("the coordinator imports an xlsx export with a bad row and gets a report", async ({ page }) => {
  const stamp = Date.now();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Инциденты");
  ws.addRow(["Текст инцидента", "Тип инцидента", "Итог", "Дата создания"]);
  ws.addRow([`Переполнены контейнеры на Школьной, 5 (${stamp})`, "ТКО", "В работе", "20.11.2026 10:00"]);
  ws.addRow([`Яма у остановки на Советской (${stamp})`, "Дороги", "Передано", "21.11.2026 11:30"]);
  ws.addRow([`Текст без даты (${stamp})`, "ЖКХ", "", "вчера"]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await signIn(page, "coordinator");
  await page.goto("/import");
  await expectAccessible(page);
  await page.getByLabel("Файл выгрузки (.xlsx, до 20 МБ)").setInputFiles({
    name: "incidents.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByRole("button", { name: "Предпросмотр" }).click();
  await expect(page.getByText("Предпросмотр: 3 строк, из них корректных 2")).toBeVisible();
  await page.getByRole("button", { name: "Импортировать" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Загружено новых: 2");
  await expect(report).toContainText("Строка 4: неверная «Дата создания»: «вчера»");
  await expect(page.getByRole("progressbar", { name: "Ход импорта" })).toHaveAttribute("aria-valuenow", "100");
  const rows = await query<{ n: string }>(
    `SELECT count(*) AS n FROM messages WHERE channel = 'incident' AND text_clean LIKE $1`,
    [`%(${stamp})%`],
  );
  expect(Number(rows[0].n)).toBe(2);
  await expectAccessible(page);
});
