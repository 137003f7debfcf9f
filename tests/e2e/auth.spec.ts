import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/seed/reference";
import { expectAccessible, query, signInThroughForm as signIn, submitLogin } from "./helpers";
// This spec is about signing in: it signs in through the form, unlike the others (fixture cookie).

const HOMES = [
  {
    login: "coordinator",
    path: "/queue",
    heading: "Очередь сообщений",
    nav: ["Очередь сообщений", "Показатели"],
    notNav: ["Пользователи"],
  },
  {
    login: "head_zhkh",
    path: "/block",
    heading: "Сообщения блока",
    nav: ["Сообщения блока"],
    notNav: ["Очередь сообщений", "Пользователи"],
  },
  {
    login: "curator_city",
    path: "/curator",
    heading: "Курируемые блоки",
    nav: ["Курируемые блоки"],
    notNav: ["Очередь сообщений", "Пользователи"],
  },
  {
    login: "mcu_head",
    path: "/admin",
    heading: "Администрирование",
    nav: ["Пользователи", "Блоки", "Темы", "Показатели"],
    notNav: ["Курируемые блоки"],
  },
  {
    login: "mcu_curator",
    path: "/dashboard",
    heading: "Показатели МЦУ",
    nav: ["Показатели"],
    notNav: ["Очередь сообщений", "Пользователи"],
  },
] as const;

test("sign-in page is in Russian and accessible", async ({ page }) => {
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "МЦУ Холмск" })).toBeVisible();
  await expectAccessible(page);
});

for (const h of HOMES) {
  test(`${h.login} lands on own home screen and sees only own navigation`, async ({ page }) => {
    await signIn(page, h.login);
    await expect(page).toHaveURL(new RegExp(`${h.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: h.heading })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Основная навигация" });
    for (const item of h.nav) await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
    for (const item of h.notNav) await expect(nav.getByRole("link", { name: item, exact: true })).toHaveCount(0);
    await expectAccessible(page);
    // Other roles' screens are not available.
    for (const other of HOMES.filter(
      (o) =>
        o.path !== h.path &&
        !(
          (h.login === "mcu_head" || h.login === "mcu_curator" || h.login === "coordinator") &&
          (o.path === "/queue" || o.path === "/dashboard")
        ),
    )) {
      const resp = await page.goto(other.path);
      expect(resp?.status(), `${h.login} → ${other.path}`).toBe(404);
    }
    await page.goto("/");
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/login/);
  });
}

test("the coordinator's queue is a real paged list from the database", async ({ page }) => {
  const [{ n }] = await query<{ n: string }>("SELECT count(*) AS n FROM messages");
  await signIn(page, "coordinator");
  await expect(
    page.getByText(`Всего: ${Number(n).toLocaleString("ru-RU")} · страница 1 из ${Math.ceil(Number(n) / 50)}`),
  ).toBeVisible();
  await page.getByRole("link", { name: "Вперёд →" }).click();
  await expect(page).toHaveURL(/page=2/);
  const [{ id }] = await query<{ id: number }>(
    "SELECT id FROM messages ORDER BY registered_at DESC, id DESC OFFSET 50 LIMIT 1",
  );
  await expect(page.getByRole("link", { name: String(id), exact: true })).toBeVisible();
  await page.getByRole("link", { name: String(id), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Сообщение № ${id}` })).toBeVisible();
  await expect(page.getByTestId("history")).toBeVisible();
  await expectAccessible(page);
});

test("after 5 failed attempts the account is locked for 15 minutes and the page says so", async ({ page }) => {
  await query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE login = 'coordinator2'`);
  for (let i = 1; i <= 4; i++) {
    await submitLogin(page, "coordinator2", "wrong-password");
    await expect(page.getByTestId("login-error")).toContainText("Неверный логин или пароль.");
  }
  // The fifth failure locks the account, but says no more than an unknown login would.
  await submitLogin(page, "coordinator2", "wrong-password");
  await expect(page.getByTestId("login-error")).toContainText("Неверный логин или пароль.");
  await submitLogin(page, "no-such-user", "wrong-password");
  await expect(page.getByTestId("login-error")).toContainText("Неверный логин или пароль.");
  // The right password is refused while locked, and only then is the lock told.
  await submitLogin(page, "coordinator2", DEMO_PASSWORD);
  await expect(page.getByTestId("login-error")).toContainText("заблокирована после 5 неудачных попыток");
  const [u] = await query<{ locked_until: Date }>(`SELECT locked_until FROM users WHERE login = 'coordinator2'`);
  const minutes = (new Date(u.locked_until).getTime() - Date.now()) / 60_000;
  expect(minutes).toBeGreaterThan(14);
  expect(minutes).toBeLessThanOrEqual(15);
  await query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE login = 'coordinator2'`);
});

test("a block head opening another block's message gets the not-found page", async ({ page }) => {
  const [own] = await query<{ id: number }>(
    `SELECT m.id FROM messages m JOIN blocks b ON b.id = m.block_id WHERE b.code = 'zhkh' LIMIT 1`,
  );
  const [foreign] = await query<{ id: number }>(
    `SELECT m.id FROM messages m JOIN blocks b ON b.id = m.block_id WHERE b.code = 'edu' LIMIT 1`,
  );
  await signIn(page, "head_zhkh");
  await expect(page).toHaveURL(/\/block$/);
  const ok = await page.goto(`/messages/${own.id}`);
  expect(ok?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: `Сообщение № ${own.id}` })).toBeVisible();
  const resp = await page.goto(`/messages/${foreign.id}`);
  expect(resp?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  await expectAccessible(page);
});

test("personal data is hidden from the МЦУ curator and every read by others is audited", async ({ page }) => {
  const [m] = await query<{ id: number }>(`SELECT id FROM messages WHERE author_name IS NOT NULL ORDER BY id LIMIT 1`);
  const before = await query<{ n: string }>(
    `SELECT count(*) AS n FROM audit_log WHERE action = 'personal_data_read' AND entity_id = $1`,
    [String(m.id)],
  );
  await signIn(page, "coordinator");
  await page.goto(`/messages/${m.id}`);
  await expect(page.getByTestId("author")).toBeVisible();
  const after = await query<{ n: string }>(
    `SELECT count(*) AS n FROM audit_log WHERE action = 'personal_data_read' AND entity_id = $1`,
    [String(m.id)],
  );
  expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "mcu_curator");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/messages/${m.id}`);
  await expect(page.getByText("Персональные данные заявителя скрыты для вашей роли.")).toBeVisible();
});

test("a forged session cookie, a signed-out browser and a disabled account all land on the sign-in page", async ({
  page,
  context,
}) => {
  await signIn(page, "coordinator2");
  await page.goto("/queue");
  await expect(page.getByRole("heading", { level: 1, name: "Очередь сообщений" })).toBeVisible();
  const [session] = (await context.cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  // One character changed in the encrypted token: it no longer decrypts.
  const i = Math.floor(session.value.length / 2);
  const forged = session.value.slice(0, i) + (session.value[i] === "A" ? "B" : "A") + session.value.slice(i + 1);
  await context.addCookies([{ ...session, value: forged }]);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);
  // The genuine token works again; then the account is disabled and the same token is refused.
  await context.addCookies([session]);
  await page.goto("/queue");
  await expect(page.getByRole("heading", { level: 1, name: "Очередь сообщений" })).toBeVisible();
  await query(`UPDATE users SET active = false WHERE login = 'coordinator2'`);
  try {
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await query(`UPDATE users SET active = true WHERE login = 'coordinator2'`);
  }
  await context.clearCookies();
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session: a copy of the old cookie no longer works; the МЦУ head can end anyone's sessions", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, "coordinator2");
  const [session] = (await context.cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Someone who copied the cookie before the sign-out puts it back.
  await context.addCookies([session]);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);

  // A fresh session in this browser; the МЦУ head ends it from another one.
  await signIn(page, "coordinator2");
  await page.goto("/queue");
  await expect(page.getByRole("heading", { level: 1, name: "Очередь сообщений" })).toBeVisible();
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "mcu_head");
  await adminPage.goto("/admin/users");
  const [{ full_name }] = await query<{ full_name: string }>(
    `SELECT full_name FROM users WHERE login = 'coordinator2'`,
  );
  await adminPage.getByRole("button", { name: `Завершить все сеансы: ${full_name}` }).click();
  await expect(adminPage.getByText("Все сеансы завершены")).toBeVisible();
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);

  // A new password set by the МЦУ head ends the sessions too; the new password then works.
  await signIn(page, "coordinator2");
  const setPassword = async (password: string) => {
    await adminPage.getByRole("button", { name: `Сменить пароль: ${full_name}` }).click();
    await adminPage.getByLabel(`Новый пароль для: ${full_name}`).fill(password);
    await adminPage.getByRole("button", { name: "Сохранить" }).click();
    await expect(adminPage.getByText("Пароль изменён, прежние сеансы завершены.")).toBeVisible();
    expect(adminPage.url(), "the password never goes into an address").not.toContain("password");
  };
  await adminPage.reload();
  await setPassword("новый-пароль-2026");
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);
  await submitLogin(page, "coordinator2", "новый-пароль-2026");
  await expect(page).toHaveURL(/\/queue/);
  await adminPage.reload();
  await setPassword(DEMO_PASSWORD);
  await admin.close();
  // Audited with the address the request came from.
  const [audit] = await query<{ ip: string | null }>(
    `SELECT ip FROM audit_log WHERE action = 'user_sessions_ended' ORDER BY id DESC LIMIT 1`,
  );
  expect(audit.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});
