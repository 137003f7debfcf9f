import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectAccessible, query, signIn } from "./helpers";

const POS = "ПОС «Решаем вместе»";

function localDay(offsetDays: number): string {
  // Sakhalin is UTC+11 all year.
  return new Date(Date.now() + 11 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const cell = (page: Page, row: string, col: string, measure: string) =>
  page.locator(`td[data-row="${row}"][data-col="${col}"][data-measure="${measure}"]`);

const plain = (s: string | null) => (s ?? "").replace(/\s/g, "");

test("builds topic × channel with count and on-time %, downloads XLSX that matches the page, prints", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "mcu_curator");
  await page.getByRole("navigation", { name: "Основная навигация" }).getByRole("link", { name: "Отчёты" }).click();
  await expect(page.getByRole("heading", { name: "Отчёты", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const from = localDay(-60);
  const to = localDay(0);
  await page.getByLabel("Строки", { exact: true }).selectOption("topic");
  await page.getByLabel("Строки, второй уровень").selectOption("");
  await page.getByLabel("Столбцы", { exact: true }).selectOption("channel");
  for (const [label, on] of [
    ["Сообщений", true],
    ["В срок, %", true],
    ["Удовлетворённость, %", false],
    ["Медиана времени ответа, ч", false],
    ["Ответов отправлено", false],
    ["Повторно открыто", false],
  ] as const) {
    await page.getByRole("checkbox", { name: label }).setChecked(on);
  }
  await page.getByLabel("Период с").fill(from);
  await page.getByLabel("Период по").fill(to);
  await page.getByRole("button", { name: "Построить отчёт" }).click();
  // The report is in the URL, in canonical form (empty fields dropped).
  await expect(page).toHaveURL(new RegExp(`/reports\\?row=topic&col=channel&m=count&m=on_time&from=${from}&to=${to}$`));
  const table = page.getByTestId("report-table");
  await expect(table).toBeVisible();
  await expectAccessible(page);

  // A cell against the database: the most frequent topic among ПОС messages in the period.
  const [top] = await query<{ name: string; n: string }>(
    `SELECT t.name, count(*) AS n FROM messages m JOIN topics t ON t.id = m.topic_id
     WHERE m.channel = 'pos' AND m.registered_at >= ($1 || 'T00:00:00+11:00')::timestamptz
       AND m.registered_at < (($2::date + 1)::text || 'T00:00:00+11:00')::timestamptz
     GROUP BY t.name ORDER BY 2 DESC, 1 LIMIT 1`,
    [from, to],
  );
  await expect(cell(page, top.name, POS, "count")).toHaveText(String(Number(top.n)));
  // Its figure opens the queue with the same messages.
  await cell(page, top.name, POS, "count").getByRole("link").click();
  await expect(page).toHaveURL(/\/queue\?.*channel=pos.*topic=/);
  await expect(page.getByText(new RegExp(`Всего: ${Number(top.n)} · страница 1 из`))).toBeVisible();
  await page.goBack();
  await expect(table).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Скачать XLSX" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`Отчёт по сообщениям жителей ${from}–${to}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.getWorksheet("Отчёт")!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 3)).toEqual(["Тема", `${POS} · Сообщений`, `${POS} · В срок, %`]);
  expect(header.slice(-2)).toEqual(["Итого · Сообщений", "Итого · В срок, %"]);
  expect(ws.getRow(1).font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 1 });
  expect(ws.getRow(2).getCell(3).numFmt).toBe("0.0 %");

  // A few rows, cell by cell, against what the page shows.
  const rows = ws.rowCount;
  expect(await table.locator("tbody tr").count()).toBe(rows - 2);
  for (const r of [2, 3, rows]) {
    const row = ws.getRow(r);
    const label = String(row.getCell(1).value);
    const pageRow = r === rows ? "Итого" : label;
    const count = row.getCell(2).value as number;
    await expect(cell(page, pageRow, POS, "count")).toHaveText(String(count));
    const share = row.getCell(3).value as number | null;
    const shown = plain(await cell(page, pageRow, POS, "on_time").textContent());
    expect(shown).toBe(share == null ? "—" : `${(share * 100).toFixed(1).replace(".", ",")}%`);
    const total = row.getCell(header.length - 1).value as number;
    expect(plain(await cell(page, pageRow, "Итого", "count").textContent())).toBe(String(total));
  }
  expect(ws.getRow(rows).getCell(1).value).toBe("Итого");
  expect(ws.getRow(rows).font?.bold).toBe(true);
  expect(wb.getWorksheet("Параметры")!.getRow(2).getCell(2).value).toMatch(/^с \d+ \S+ \d{4} по \d+ \S+ \d{4}$/);

  // CSV: UTF-8 with BOM, «;» between fields.
  const csv = await page.request.get(
    `/api/reports/export?format=csv&row=topic&col=channel&m=count&m=on_time&from=${from}&to=${to}`,
  );
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = (await csv.body()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.slice(1).split("\r\n")[0]).toBe(header.join(";"));

  await page.getByRole("link", { name: "Печатная форма" }).click();
  await expect(page).toHaveURL(/\/reports\/print\?/);
  await expect(page.getByRole("heading", { name: "Отчёт по сообщениям жителей", level: 1 })).toBeVisible();
  await expect(page.getByTestId("print-period")).toHaveText(/^с \d+ \S+ \d{4} по \d+ \S+ \d{4}$/);
  await expect(page.getByTestId("print-generated")).toContainText("сахалинское время");
  await expect(page.getByRole("navigation", { name: "Основная навигация" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Печать" })).toBeVisible();
  await expect(cell(page, "Итого", POS, "count")).toHaveText(String(ws.getRow(rows).getCell(2).value));
  await expect(page.getByTestId("report-table").getByRole("link")).toHaveCount(0);
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Печать" })).toBeHidden();
});

test("bad parameters get a clear message, an empty period an empty state, other roles no reports", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "coordinator");
  await page.goto(`/reports?row=channel&col=channel&m=count&from=${localDay(-30)}&to=${localDay(0)}`);
  await expect(page.getByTestId("report-error")).toHaveText(/и в строках, и в столбцах/);
  await page.goto(`/reports?row=topic%3B%20DROP%20TABLE%20messages&m=count&from=${localDay(-30)}&to=${localDay(0)}`);
  await expect(page.getByTestId("report-error")).toHaveText(/Неизвестное измерение/);
  await page.goto(`/reports?row=topic&m=count&from=2020-01-01&to=2020-03-31`);
  await expect(page.getByTestId("report-empty")).toBeVisible();
  await expectAccessible(page);
  const bad = await page.request.get(`/api/reports/export?format=pdf&row=topic&m=count&from=2020-01-01&to=2020-03-31`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toMatch(/csv или xlsx/);

  await page.context().clearCookies();
  await signIn(page, "head_zhkh");
  expect((await page.goto("/reports"))!.status()).toBe(404);
  expect(
    (await page.request.get(`/api/reports/export?format=csv&row=topic&m=count&from=2026-01-01&to=2026-01-31`)).status(),
  ).toBe(403);
});

test("a saved report: private until shared, read-only for a colleague who can copy it, deleted after confirmation", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "mcu_curator");
  await owner.goto(`/reports?row=block&m=count&m=satisfaction&from=${localDay(-60)}&to=${localDay(0)}`);
  const name = `Блоки ${Date.now()}`;
  await owner.getByLabel("Сохранить текущий отчёт как").fill(name);
  await owner.getByRole("button", { name: "Сохранить отчёт" }).click();
  await expect(owner.getByText(`Отчёт «${name}» сохранён.`)).toBeVisible();
  const [saved] = await query<{ id: number; shared: boolean }>("SELECT id, shared FROM saved_reports WHERE name = $1", [
    name,
  ]);
  expect(saved.shared).toBe(false);

  const other = await (await browser.newContext()).newPage();
  await signIn(other, "coordinator");
  await other.goto("/reports");
  await expect(other.getByRole("link", { name })).toHaveCount(0);
  await other.goto(`/reports?saved=${saved.id}`);
  await expect(other.getByText(/Сохранённый отчёт не найден/)).toBeVisible();

  const own = owner.getByTestId("own-reports").getByRole("listitem").filter({ hasText: name });
  await own.getByRole("button", { name: `Открыть коллегам «${name}»` }).click();
  await expect(owner.getByText(`Отчёт «${name}» открыт для коллег.`)).toBeVisible();

  await other.goto("/reports");
  await other.getByTestId("shared-reports").getByRole("link", { name }).click();
  await expect(other.getByTestId("saved-banner")).toContainText("только просмотр");
  await expect(other).toHaveURL(/row=block/);
  await expectAccessible(other);
  await other
    .getByTestId("saved-banner")
    .getByRole("button", { name: `Копировать себе «${name}»` })
    .click();
  await expect(other.getByText(`Скопировано в ваши отчёты как «Копия: ${name}».`)).toBeVisible();
  await expect(other.getByTestId("own-reports").getByRole("link", { name: `Копия: ${name}` })).toBeVisible();

  await own.getByRole("button", { name: "Удалить" }).click();
  await expect(owner.getByRole("alertdialog")).toBeVisible();
  await owner.getByRole("button", { name: "Да, удалить" }).click();
  await expect.poll(async () => (await query("SELECT 1 FROM saved_reports WHERE id = $1", [saved.id])).length).toBe(0);
  await query("DELETE FROM saved_reports WHERE name = $1", [`Копия: ${name}`]);
});
