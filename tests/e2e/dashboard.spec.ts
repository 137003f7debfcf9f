import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, query, signIn } from "./helpers";

/** Messages registered in the last `days` Sakhalin days including today, straight from the database. */
async function lastDaysCount(days: number): Promise<number> {
  const [{ n }] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM messages
     WHERE registered_at >= (((now() AT TIME ZONE 'Asia/Sakhalin')::date - $1::int)::timestamp AT TIME ZONE 'Asia/Sakhalin')`,
    [days - 1],
  );
  return Number(n);
}

const ru = (n: number) => n.toLocaleString("ru-RU");

async function clickFirstBar(page: Page, chart: string): Promise<number> {
  const bar = page.locator(`g[data-chart="${chart}"][data-href]`).first();
  await expect(bar).toBeAttached();
  const value = Number(await bar.getAttribute("data-value"));
  expect(value).toBeGreaterThan(0);
  await bar.click();
  return value;
}

test("the МЦУ curator's dashboard: period, figures equal the database, a bar opens the matching queue", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "mcu_curator");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Показатели МЦУ", level: 1 })).toBeVisible();
  // Default: the last 30 days.
  await expect(page.getByTestId("kpi-messages-value")).toHaveText(ru(await lastDaysCount(30)));
  await expect(page.locator('g[data-chart="volume"]').first()).toBeAttached();
  await expectAccessible(page);
  // The table alternative opens and is accessible too.
  await page.getByTestId("section-volume").getByText("Показать таблицей").click();
  await expect(page.getByTestId("section-volume").getByRole("table")).toBeVisible();
  await expectAccessible(page);

  // Change the period to 7 days: the URL, the label and the figures follow.
  await page.getByRole("navigation", { name: "Период" }).getByRole("link", { name: "7 дней" }).click();
  await expect(page).toHaveURL(/period=7d/);
  await expect(page.getByTestId("period-label")).toContainText("(7 дн.)");
  const week = await lastDaysCount(7);
  await expect(page.getByTestId("kpi-messages-value")).toHaveText(ru(week));

  // Click a bar of the volume chart: the queue shows exactly that many messages.
  const value = await clickFirstBar(page, "volume");
  await expect(page).toHaveURL(/\/queue\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(url.searchParams.get("to")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(url.searchParams.get("topic")).toMatch(/^[a-z_]+$/);
  await expect(page.getByRole("heading", { name: "Очередь сообщений", level: 1 })).toBeVisible();
  await expect(page.getByText(new RegExp(`Всего: ${ru(value)} · страница 1 из`))).toBeVisible();

  // And a bar of the deadline compliance chart (its count: messages answered on time in that block).
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard\?.*period=7d/);
  const onTime = await clickFirstBar(page, "compliance");
  await expect(page).toHaveURL(/\/queue\?.*block=.*ontime=yes/);
  await expect(page.getByText(new RegExp(`Всего: ${ru(onTime)} · страница 1 из`))).toBeVisible();
});

test("a custom period by channel per week; an empty period says so", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "mcu_curator");
  await page.goto("/dashboard?gran=week&dim=channel");
  const form = page.getByRole("form", { name: "Свой период" });
  const [{ from, to }] = await query<{ from: string; to: string }>(
    `SELECT to_char((now() AT TIME ZONE 'Asia/Sakhalin')::date - 13, 'YYYY-MM-DD') AS from, to_char((now() AT TIME ZONE 'Asia/Sakhalin')::date, 'YYYY-MM-DD') AS to`,
  );
  await form.getByLabel("с").fill(from);
  await form.getByLabel("по").fill(to);
  await form.getByRole("button", { name: "Показать период" }).click();
  await expect(page).toHaveURL(/period=custom/);
  await expect(page).toHaveURL(/dim=channel/);
  await expect(page.getByTestId("kpi-messages-value")).toHaveText(ru(await lastDaysCount(14)));
  await expect(page.getByRole("heading", { name: "Сообщения по каналам" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/dashboard?period=custom&from=2020-01-01&to=2020-01-31");
  await expect(page.getByTestId("dashboard-empty")).toContainText("За выбранный период сообщений нет");
  await expect(page.getByTestId("kpi-messages-value")).toHaveText("0");
  await expectAccessible(page);
});
