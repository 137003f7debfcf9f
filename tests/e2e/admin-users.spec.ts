import { expect, test } from "@playwright/test";
import { expectAccessible, query, signIn, submitLogin } from "./helpers";

test("the МЦУ head creates an account (with validation), unlocks a locked one, and the new user signs in", async ({
  page,
}) => {
  const login = `head_test_${Date.now() % 100000}`;
  await query(`UPDATE users SET locked_until = now() + interval '15 minutes' WHERE login = 'head_property'`);
  await signIn(page, "mcu_head");
  await page.goto("/admin/users");
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Новая учётная запись" });
  await form.getByLabel("Логин", { exact: true }).fill(login);
  await form.getByLabel("ФИО").fill("Проверкин Тест Тестович");
  await form.getByLabel("Роль", { exact: true }).selectOption({ label: "Руководитель блока" });
  await form.getByLabel("Начальный пароль (от 10 символов)").fill("short");
  await form.getByRole("button", { name: "Создать" }).click();
  await expect(form.getByText("Пароль не короче 10 символов.")).toBeVisible();
  await expect(form.getByText("Руководителю блока нужен блок.")).toBeVisible();
  await form
    .getByLabel("Блок (для руководителя блока)")
    .selectOption({ label: "Департамент культуры, спорта и молодёжной политики" });
  await form.getByLabel("Начальный пароль (от 10 символов)").fill("Strong-pass-2026");
  await form.getByRole("button", { name: "Создать" }).click();
  await expect(form.getByText("Учётная запись создана.")).toBeVisible();
  const [u] = await query<{ role: string; code: string; password_hash: string }>(
    `SELECT u.role, b.code, u.password_hash FROM users u JOIN blocks b ON b.id = u.block_id WHERE u.login = $1`,
    [login],
  );
  expect(u).toMatchObject({ role: "block_head", code: "culture" });
  expect(u.password_hash).not.toContain("Strong-pass-2026");

  await page.getByRole("button", { name: "Разблокировать: Захарова Елена Юрьевна" }).click();
  await expect(page.getByText("Учётная запись разблокирована.")).toBeVisible();
  const [locked] = await query<{ locked_until: Date | null }>(
    `SELECT locked_until FROM users WHERE login = 'head_property'`,
  );
  expect(locked.locked_until).toBeNull();

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  await submitLogin(page, login, "Strong-pass-2026");
  await expect(page).toHaveURL(/\/block$/, { timeout: 30_000 });
  await expect(page.getByText("Департамент культуры, спорта и молодёжной политики")).toBeVisible();
});
