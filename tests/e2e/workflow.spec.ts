import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { expectAccessible, query } from "./helpers";
import { PNG_BYTES, as, routedPosMessageOfZhkh, statusOf } from "./workflow-support";

const FORMAL = "Ваше обращение рассмотрено, информация принята к сведению.";
const GOOD =
  "Уважаемый заявитель! 12.12.2026 специалисты управляющей организации выехали на место и провели обследование контейнерной площадки. " +
  "Региональному оператору направлено требование, вывоз отходов выполнен 14.12.2026, график вывоза восстановлен: ежедневно до 10:00. " +
  "Контроль исполнения — до 31 декабря 2026 года.";

test("a ПОС message goes through every role: answer, rework, approval, call, release, dissatisfied rating", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const m = await routedPosMessageOfZhkh();
  const url = `/messages/${m.id}`;

  // Block head: accept, attach a file, submit a formal answer (the editor warns).
  await as(page, "head_zhkh");
  await page.goto(url);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Принять в работу" }).click();
  const text = page.getByLabel("Текст ответа заявителю");
  await expect(text).toBeVisible();
  await expect.poll(() => statusOf(m.id)).toBe("in_work");
  await text.fill(FORMAL);
  await expect(page.getByTestId("answer-warnings")).toContainText("принято к сведению");
  await page
    .getByLabel(/Новый файл/)
    .setInputFiles({ name: "акт-осмотра.png", mimeType: "image/png", buffer: PNG_BYTES });
  await page.getByRole("button", { name: "Приложить файл" }).click();
  await expect(page.getByTestId("draft-attachments")).toContainText("акт-осмотра.png");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  await expect.poll(() => statusOf(m.id)).toBe("answer_review");
  await expect(page.getByTestId("answer-round-1")).toContainText("На проверке");

  // Coordinator: return for rework with a checklist item (confirmed in a dialog).
  await as(page, "coordinator");
  await page.goto(url);
  await expect(page.getByTestId("answer-round-1")).toContainText("Признаки формального ответа");
  await page.getByRole("radio", { name: "Вернуть на доработку" }).check();
  await page.getByRole("checkbox", { name: "Нет сроков выполнения" }).check();
  await page.getByLabel("Комментарий руководителю блока").fill("Укажите, когда вывезут мусор.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Вернуть на доработку" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.getByRole("button", { name: "Да, вернуть" }).click();
  await expect.poll(() => statusOf(m.id)).toBe("in_work");
  await expect(page.getByTestId("answer-round-1")).toContainText("Нет сроков выполнения");

  // Block head: the returned text and file are carried into round 2; fix and resubmit.
  await as(page, "head_zhkh");
  await page.goto(url);
  await expect(page.getByLabel("Текст ответа заявителю")).toHaveValue(FORMAL);
  await expect(page.getByTestId("draft-attachments")).toContainText("акт-осмотра.png");
  await page.getByLabel("Текст ответа заявителю").fill(GOOD);
  await expect(page.getByTestId("answer-warnings")).toHaveCount(0);
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  await expect.poll(() => statusOf(m.id)).toBe("answer_review");

  // Coordinator approves: a ПОС answer now waits for the curator's call.
  await as(page, "coordinator");
  await page.goto(url);
  await expect(page.getByTestId("answer-round-2")).toContainText("На проверке");
  await page.getByRole("button", { name: "Одобрить ответ" }).click();
  await expect.poll(() => statusOf(m.id)).toBe("awaiting_contact");

  // Curator: the message is in «Ждут звонка»; release is refused until a call is logged.
  await as(page, "curator_city");
  await page.getByRole("navigation", { name: "Основная навигация" }).getByRole("link", { name: "Ждут звонка" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ждут звонка" })).toBeVisible();
  await expect(page.getByTestId("awaiting-calls").getByRole("link", { name: String(m.id), exact: true })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByTestId("awaiting-calls")
    .getByRole("link", { name: String(m.id), exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `Сообщение № ${m.id}` })).toBeVisible();
  await page.getByRole("button", { name: "Отправить ответ заявителю" }).click();
  await expect(page.getByTestId("action-error")).toContainText("нельзя отправить без звонка заявителю");
  expect(await statusOf(m.id)).toBe("awaiting_contact");
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Дозвонились" }).check();
  await page.getByLabel("Заметки о разговоре").fill("Житель согласен с ответом, ждёт вывоза.");
  await page.getByLabel("Длительность, мин").fill("3");
  await page.getByRole("button", { name: "Записать звонок" }).click();
  await expect(page.getByTestId("contacts")).toContainText("Дозвонились");
  await page.getByRole("button", { name: "Отправить ответ заявителю" }).click();
  await expect.poll(() => statusOf(m.id)).toBe("answered");
  const [a] = await query<{ status: string; dispatch_attempts: number }>(
    "SELECT status, dispatch_attempts FROM answers WHERE message_id = $1 AND round = 2",
    [m.id],
  );
  expect(a).toEqual({ status: "released", dispatch_attempts: 1 });

  // The resident is dissatisfied (the rating job's function, applied directly): reopened with a new clock.
  const before = await query<{ due_at: Date }>("SELECT due_at FROM messages WHERE id = $1", [m.id]);
  const outcome = execFileSync(
    "npx",
    ["tsx", "tests/e2e/apply-rating.ts", String(m.id), "2", `e2e-${m.id}`, "Мусор так и не вывезли"],
    { encoding: "utf8" },
  );
  expect(outcome.trim()).toBe("reopened");
  const [after] = await query<{ status: string; reopen_count: number; due_at: Date }>(
    "SELECT status, reopen_count, due_at FROM messages WHERE id = $1",
    [m.id],
  );
  expect(after.status).toBe("reopened");
  expect(after.reopen_count).toBeGreaterThanOrEqual(1);
  expect(after.due_at.getTime()).toBeGreaterThan(before[0].due_at.getTime());

  // The block head is told and can take it into work again.
  await as(page, "head_zhkh");
  await expect(page.getByTestId("unread-count")).toBeVisible();
  await page.getByTestId("notification-bell").click();
  await expect(page.getByRole("heading", { level: 1, name: "Уведомления" })).toBeVisible();
  await expect(page.getByTestId("notifications")).toContainText(`Сообщение № ${m.id} открыто повторно`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Отметить все прочитанными" }).click();
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  await page.goto(url);
  await expect(page.getByRole("button", { name: "Принять в работу" })).toBeVisible();
});

test("a block head cannot see or act on another block's message", async ({ page }) => {
  const [foreign] = await query<{ id: number }>(
    `SELECT m.id FROM messages m JOIN blocks b ON b.id = m.block_id WHERE b.code = 'zhkh' AND m.status = 'in_work' ORDER BY m.id LIMIT 1`,
  );
  await as(page, "head_edu");
  const resp = await page.goto(`/messages/${foreign.id}`);
  expect(resp?.status()).toBe(404);
  const upload = await page.request.post(`/messages/${foreign.id}/attachments`, {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: "x.png", mimeType: "image/png", buffer: PNG_BYTES } },
  });
  expect(upload.status()).toBe(404);
  expect((await upload.json()).error.message).toBe("Сообщение не найдено.");
  expect(await query("SELECT 1 FROM answers WHERE message_id = $1", [foreign.id])).toHaveLength(0);
});
