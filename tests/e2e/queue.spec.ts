import { expect, test } from "@playwright/test";
import { expectAccessible, query, signIn } from "./helpers";

test("filters live in the URL, the keyboard help opens and closes, the queue is accessible", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "coordinator");
  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: "Очередь сообщений", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Канал").selectOption("pos");
  await expect(page).toHaveURL(/channel=pos/);
  await page.getByLabel("Статус").selectOption("routed");
  await expect(page).toHaveURL(/status=routed/);
  const [{ n }] = await query<{ n: string }>(
    "SELECT count(*) AS n FROM messages WHERE channel = 'pos' AND status = 'routed'",
  );
  await expect(page.getByText(new RegExp(`Всего: ${Number(n).toLocaleString("ru-RU")} · страница 1 из`))).toBeVisible();

  await page.getByLabel("Поиск по тексту или номеру").fill("мусор");
  await expect(page).toHaveURL(/q=%D0%BC%D1%83%D1%81%D0%BE%D1%80/);
  await expect(page).toHaveURL(/channel=pos/);

  await page.getByTestId("preset-overdue").click();
  await expect(page).toHaveURL(/preset=overdue/);
  await expectAccessible(page);

  await page.getByRole("heading", { name: "Очередь сообщений" }).click();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Клавиши очереди" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("открыть сообщение");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("a saved view is reopened from its URL; deleting it asks first", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "coordinator");
  await page.goto("/queue?block=zhkh&sort=due");
  const name = `ЖКХ по сроку ${Date.now()}`;
  await page.getByLabel("Название нового вида").fill(name);
  await page.getByRole("button", { name: "Сохранить вид" }).click();
  await expect(page.getByText(`Вид «${name}» сохранён.`)).toBeVisible();
  const [v] = await query<{ query: string }>("SELECT query FROM saved_views WHERE name = $1", [name]);
  expect(v.query).toBe("block=zhkh&sort=due");

  await page.goto("/queue");
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/block=zhkh&sort=due/);
  await expect(page.getByLabel("Блок")).toHaveValue("zhkh");

  await page
    .getByTestId("saved-views")
    .getByRole("listitem")
    .filter({ hasText: name })
    .getByRole("button", { name: "Удалить" })
    .click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.getByRole("button", { name: "Да, удалить" }).click();
  await expect.poll(async () => (await query("SELECT 1 FROM saved_views WHERE name = $1", [name])).length).toBe(0);
});

test("the coordinator routes 20 messages at once with the keyboard; the database agrees", async ({ page }) => {
  test.setTimeout(240_000);
  // Twenty fresh unrouted messages, the newest in the database, so they fill the first page.
  const tag = Date.now();
  const target = (
    await query<{ id: number }>(
      `INSERT INTO messages (channel, external_id, regime, status, title, text_raw, text_clean, topic_id, source_created_at, registered_at, due_at, at_risk_at, updated_at)
     SELECT channel, 'e2e-queue-' || $1 || '-' || gs, regime, 'new', title, text_raw, text_clean, topic_id, now(), now() + gs * interval '1 second',
            now() + interval '10 days', now() + interval '8 days', now()
     FROM messages CROSS JOIN generate_series(1, 20) gs WHERE id = (SELECT min(id) FROM messages) RETURNING id`,
      [tag],
    )
  ).map((r) => r.id);
  await query(
    `INSERT INTO message_events (message_id, kind, to_status, reason) SELECT unnest($1::int[]), 'created', 'new', 'e2e'`,
    [target],
  );
  expect(target).toHaveLength(20);
  await signIn(page, "coordinator");
  await page.goto("/queue?status=new&perPage=20");
  for (const id of target) await page.getByRole("checkbox", { name: `Выбрать сообщение № ${id}` }).check();
  await expect(page.getByTestId("selected-count")).toHaveText(`Выбрано: ${target.length}`);

  // Keyboard: j moves, x toggles (twice = unchanged), r opens «route to block».
  await page.getByRole("heading", { name: "Очередь сообщений" }).click();
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("x");
  await expect(page.getByTestId("selected-count")).toHaveText(`Выбрано: ${target.length}`);
  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: "Направить в блок" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel("Блок").selectOption({ label: "СЕЗ" });
  await dialog.getByRole("button", { name: "Направить" }).click();
  await expect(page.getByTestId("bulk-summary")).toHaveText(`Выполнено: ${target.length}, пропущено: 0.`);

  const rows = await query<{ status: string; block: string; block_source: string }>(
    "SELECT m.status::text AS status, b.code AS block, m.block_source::text AS block_source FROM messages m JOIN blocks b ON b.id = m.block_id WHERE m.id = ANY($1)",
    [target],
  );
  expect(rows).toHaveLength(target.length);
  expect(rows.every((r) => r.status === "routed" && r.block === "sez" && r.block_source === "manual")).toBe(true);
  const [ev] = await query<{ n: string }>(
    "SELECT count(*) AS n FROM message_events WHERE message_id = ANY($1) AND kind = 'status_change' AND to_status = 'routed'",
    [target],
  );
  expect(Number(ev.n)).toBe(target.length);
});
