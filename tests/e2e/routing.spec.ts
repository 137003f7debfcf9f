import { expect, test } from "@playwright/test";
import { expectAccessible, query, signIn } from "./helpers";

test("the МЦУ head adds a keyword rule on the routing page; the admin pages are accessible", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "mcu_head");

  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Администрирование" })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("navigation", { name: "Основная навигация" })
    .getByRole("link", { name: "Маршрутизация" })
    .click();
  await expect(page.getByRole("heading", { name: "Маршрутизация", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const name = `Ливнёвки — СЕЗ ${Date.now()}`;
  const form = page.getByTestId("rule-form-new");
  // The server explains what is missing, next to the field.
  await form.getByLabel("Название правила").fill(name);
  await form.getByRole("button", { name: "Добавить правило" }).click();
  await expect(form.getByTestId("action-error")).toContainText("Выберите блок");
  await form.getByLabel("Направлять в блок").selectOption({ label: "СЕЗ" });
  await form.getByRole("button", { name: "Добавить правило" }).click();
  await expect(form.getByTestId("action-error")).toContainText("хотя бы одно условие");
  await form.getByLabel(/Ключевые слова/).fill("Ливнёвка, водосток");
  await form.getByLabel("Канал").selectOption({ label: "СМ ЛС" });
  await form.getByRole("button", { name: "Добавить правило" }).click();
  await expect(form.getByTestId("action-ok")).toContainText("Правило добавлено");

  const [rule] = await query<{ id: number; keywords: string[]; channel: string; active: boolean; block: string }>(
    `SELECT r.id, r.keywords, r.channel::text AS channel, r.active, b.code AS block FROM routing_rules r JOIN blocks b ON b.id = r.block_id WHERE r.name = $1`,
    [name],
  );
  expect(rule).toMatchObject({ keywords: ["ливневка", "водосток"], channel: "smls", active: true, block: "sez" });
  const [audited] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM audit_log WHERE action = 'routing_rule_created' AND entity_id = $1`,
    [String(rule.id)],
  );
  expect(Number(audited.n)).toBe(1);

  const row = page.getByTestId(`rule-${rule.id}`);
  await expect(row).toContainText("ливневка, водосток");
  await expect(row).toContainText("СЕЗ");
  await expectAccessible(page);

  // Turning the rule off asks first.
  await row.getByRole("button", { name: "Отключить" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.getByRole("button", { name: "Да, отключить" }).click();
  await expect
    .poll(
      async () =>
        (await query<{ active: boolean }>("SELECT active FROM routing_rules WHERE id = $1", [rule.id]))[0].active,
    )
    .toBe(false);
  await expect(row).toContainText("Отключено");
});

test("the МЦУ head edits a deadline policy; the coordinator routes a message from «Требует разбора»", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "mcu_head");
  await page.goto("/admin/policies");
  await expect(page.getByRole("heading", { name: "Сроки ответа" })).toBeVisible();
  await expectAccessible(page);
  const portal = page.getByTestId("policy-form-portal");
  await portal.getByLabel("Дней на ответ").fill("0");
  await portal.getByRole("button", { name: "Сохранить" }).click();
  await expect(portal.getByTestId("action-error")).toContainText("Срок ответа");
  await portal.getByLabel("Дней на ответ").fill("12");
  await portal.getByRole("button", { name: "Сохранить" }).click();
  await expect(portal.getByTestId("action-ok")).toBeVisible();
  expect(
    (await query<{ answer_days: number }>("SELECT answer_days FROM deadline_policies WHERE regime = 'portal'"))[0]
      .answer_days,
  ).toBe(12);
  await query("UPDATE deadline_policies SET answer_days = 10 WHERE regime = 'portal'");

  await page.context().clearCookies();
  await signIn(page, "coordinator");
  await page
    .getByRole("navigation", { name: "Основная навигация" })
    .getByRole("link", { name: "Требует разбора" })
    .click();
  await expect(page.getByRole("heading", { name: "Требует разбора" })).toBeVisible();
  const [m] = await query<{ id: number }>(
    `SELECT id FROM messages WHERE needs_review AND status IN ('new', 'returned') ORDER BY registered_at DESC, id DESC LIMIT 1`,
  );
  expect(m, "the seed leaves messages for review").toBeTruthy();
  const form = page.getByTestId(`reroute-form-${m.id}`);
  await expect(form).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel("Тема").selectOption({ label: "Обращение с ТКО" });
  await expect(form.getByLabel("Блок")).toHaveValue(
    String((await query<{ id: number }>("SELECT id FROM blocks WHERE code = 'zhkh'"))[0].id),
  );
  await form.getByLabel("Причина изменения").fill("Жалоба на вывоз мусора");
  await form.getByRole("button", { name: "Сохранить тему и блок" }).click();
  await expect
    .poll(
      async () =>
        (await query<{ status: string }>("SELECT status::text AS status FROM messages WHERE id = $1", [m.id]))[0]
          .status,
    )
    .toBe("routed");
  const [c] = await query<{ to_topic: string }>(
    "SELECT to_topic FROM classification_corrections WHERE message_id = $1",
    [m.id],
  );
  expect(c?.to_topic).toBe("waste");
  await expect(page.getByTestId(`reroute-form-${m.id}`)).toHaveCount(0);
});
