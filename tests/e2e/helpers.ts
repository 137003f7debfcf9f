import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import { DEMO_PASSWORD } from "@/lib/seed/reference";
import { encodeSessionToken } from "@/lib/auth/jwt";
import { E2E_SECRET } from "./secret";

/** Fills and submits the sign-in form without expecting any outcome. */
export async function submitLogin(page: Page, login: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Логин").fill(login);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

/** Signs in with the demo password through the sign-in form and waits for the home screen. Only
 * for specs about signing in; the others use signIn. */
export async function signInThroughForm(page: Page, login: string) {
  await submitLogin(page, login, DEMO_PASSWORD);
  // The first sign-in after start warms the server up (and bcrypt); allow for it.
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/**
 * Signs in as `login` without the form: a session cookie made the way next-auth makes it (the
 * user's id, role, block and current session version, encrypted with the server's secret), then
 * the home screen. The server checks it like any other session.
 */
export async function signIn(page: Page, login: string) {
  const [u] = await query<{
    id: number;
    full_name: string;
    role: string;
    block_id: number | null;
    session_version: number;
  }>("SELECT id, full_name, role::text AS role, block_id, session_version FROM users WHERE login = $1 AND active", [
    login,
  ]);
  if (!u) throw new Error(`no active user ${login}`);
  const token = await encodeSessionToken({
    token: {
      name: u.full_name,
      sub: String(u.id),
      uid: u.id,
      login,
      role: u.role as never,
      blockId: u.block_id,
      sv: u.session_version,
    },
    secret: E2E_SECRET,
    maxAge: 12 * 60 * 60,
  });
  const url = new URL(test.info().project.use.baseURL ?? "http://localhost:3100");
  await page.context().clearCookies();
  await page.context().addCookies([
    {
      name: "next-auth.session-token",
      value: token,
      domain: url.hostname,
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  await page.goto("/");
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** Fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join("; ")})`,
    ),
  ).toEqual([]);
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
