// Bad input must not lose work (issue 12, point 9): a 600,000-character answer used to exceed the
// 1 MB server-action body and replace the page with «Не удалось загрузить страницу»; a NUL gave
// «Что-то пошло не так» (PostgreSQL 22021); «Число продлений» = 1e10 overflowed int4.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { query } from "./helpers";
import { as } from "./workflow-support";

const ANSWER_LIMIT = 20_000;
const GENERIC = "Что-то пошло не так";

/** An in-work message of block zhkh for the answer box: the newest one, so the spec that relies on
 * the oldest one having no answers (workflow.spec.ts) is not disturbed. */
async function inWorkMessageOfZhkh(): Promise<number> {
  const rows = await query<{ id: number }>(
    `SELECT m.id FROM messages m JOIN blocks b ON b.id = m.block_id WHERE b.code = 'zhkh' AND m.status = 'in_work' ORDER BY m.id DESC LIMIT 2`,
  );
  expect(rows.length, "the seed has two in-work messages of block zhkh").toBe(2);
  return rows[0].id;
}

/** Sets a React-controlled textarea's value the way a paste or an extension would, bypassing
 * maxLength (which only limits typing), and lets React see the change. */
async function setValue(page: Page, box: Locator, value: string) {
  await box.evaluate((el, v) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
    setter.call(el, v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

async function draftText(messageId: number): Promise<string | null> {
  const [a] = await query<{ text: string }>(
    "SELECT text FROM answers WHERE message_id = $1 AND status = 'draft' ORDER BY id DESC LIMIT 1",
    [messageId],
  );
  return a?.text ?? null;
}

test("the answer box: 600,000 characters are refused in words and kept; a NUL is dropped on save", async ({ page }) => {
  test.setTimeout(180_000);
  const id = await inWorkMessageOfZhkh();
  await as(page, "head_zhkh");
  await page.goto(`/messages/${id}`);
  const heading = page.getByRole("heading", { level: 1, name: `Сообщение № ${id}` });
  await expect(heading).toBeVisible();
  const box = page.getByLabel("Текст ответа заявителю");
  await expect(box).toHaveAttribute("maxlength", String(ANSWER_LIMIT));
  const before = await draftText(id);

  // (a) 600,000 characters put into the box past maxLength, then «Сохранить черновик».
  // No space at the end: the server counts the text as it would store it, trimmed.
  const huge = `${"Уважаемый заявитель! Яма во дворе будет заделана. ".repeat(12_000).slice(0, -1)}!`;
  expect(huge.length).toBe(600_000);
  await setValue(page, box, huge);
  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(page.getByTestId("action-error")).toContainText("Не больше 20\u00a0000 символов.");
  await expect(page.getByTestId("action-error")).toContainText("Сейчас 600\u00a0000 символов.");
  await expect(heading).toBeVisible();
  await expect(page.getByText("Не удалось загрузить страницу")).toHaveCount(0);
  await expect(page.getByText(GENERIC)).toHaveCount(0);
  expect(await box.inputValue()).toBe(huge);
  await expect(box).toBeFocused();
  // «Отправить на проверку» is refused the same way; nothing reached the database.
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  await expect(page.getByTestId("action-error")).toContainText("Не больше 20\u00a0000 символов.");
  expect(await box.inputValue()).toBe(huge);
  expect(await draftText(id)).toBe(before);
  expect((await query<{ status: string }>("SELECT status FROM messages WHERE id = $1", [id]))[0].status).toBe(
    "in_work",
  );

  // Typing (here: Playwright's fill, which inserts text like a paste) stops at the limit, and
  // what fits is saved.
  await box.fill(huge);
  const kept = await box.inputValue();
  expect(kept.length).toBeLessThanOrEqual(ANSWER_LIMIT);
  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(page.getByTestId("action-ok")).toContainText("Черновик сохранён.");
  expect((await draftText(id))?.length).toBe(kept.trim().length);

  // (b) A NUL (and another control character) in the text: saved without them, no generic error.
  await setValue(page, box, "Черновик с NUL\u0000 внутри\u0007 и переводом\nстроки.");
  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(page.getByTestId("action-ok")).toContainText("Черновик сохранён.");
  await expect(page.getByText(GENERIC)).toHaveCount(0);
  expect(await draftText(id)).toBe("Черновик с NUL внутри и переводом\nстроки.");
  await page.reload();
  await expect(page.getByLabel("Текст ответа заявителю")).toHaveValue("Черновик с NUL внутри и переводом\nстроки.");
});

test("«Число продлений» = 1e10 on the deadline policies page: a range message, the value kept, nothing saved", async ({
  page,
}) => {
  await as(page, "mcu_head");
  await page.goto("/admin/policies");
  await expect(page.getByRole("heading", { name: "Сроки ответа" })).toBeVisible();
  const [before] = await query("SELECT * FROM deadline_policies WHERE regime = 'portal'");
  const form = page.getByTestId("policy-form-portal");
  const field = form.getByLabel("Продлений не более");
  await expect(field).toHaveAttribute("min", "0");
  await expect(field).toHaveAttribute("max", "10");
  await field.fill("1e10");
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(form.getByTestId("action-error")).toHaveText("Число продлений: целое число от 0 до 10.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(GENERIC)).toHaveCount(0);
  await expect(field).toHaveValue("1e10");
  expect((await query("SELECT * FROM deadline_policies WHERE regime = 'portal'"))[0]).toEqual(before);
});
