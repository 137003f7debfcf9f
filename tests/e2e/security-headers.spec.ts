// The protective headers reach the browser on pages, route handlers and file downloads, and the
// script policy does not break the desk: no page reports a Content-Security-Policy violation.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { query, signIn } from "./helpers";

function expectProtected(resp: APIResponse | null | undefined, what: string) {
  expect(resp, what).toBeTruthy();
  const h = resp!.headers();
  expect(h["content-security-policy"], what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(h["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("same-origin");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-robots-tag"], what).toContain("noindex");
  // Served over plain http in the tests: no HSTS (it is sent when NEXTAUTH_URL is https).
  expect(h["strict-transport-security"], what).toBeUndefined();
}

function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  page.on("pageerror", (e) => seen.push(String(e)));
  return seen;
}

test("a page carries the headers and its scripts carry this response's nonce", async ({ page, request }) => {
  const resp = await request.get("/login");
  expectProtected(resp, "/login");
  const nonce = /'nonce-([^']+)'/.exec(resp.headers()["content-security-policy"])![1];
  const html = await resp.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  // A second response gets a different nonce.
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
  const violations = watchViolations(page);
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Войти" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("route handlers and file downloads carry the headers", async ({ page }) => {
  const anonymous = await page.request.get("/api/reports/export?format=csv&row=topic&m=count");
  expect(anonymous.status()).toBe(401);
  expectProtected(anonymous, "route handler error");
  await signIn(page, "coordinator");
  const csv = await page.request.get("/api/reports/export?format=csv&row=topic&m=count&from=2026-01-01&to=2026-12-31");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("attachment");
  expectProtected(csv, "file download");
  expectProtected(await page.request.get("/robots.txt"), "static file");
});

test("the desk works under the policy: signed-in pages with charts and forms report no violation", async ({ page }) => {
  const violations = watchViolations(page);
  await signIn(page, "coordinator");
  const [m] = await query<{ id: number }>("SELECT id FROM messages ORDER BY id LIMIT 1");
  for (const path of ["/queue", "/dashboard", `/messages/${m.id}`, "/reports", "/no-such-page"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation still works (it needs the page's scripts to have run).
  await page.goto("/queue");
  await page
    .getByRole("navigation", { name: "Основная навигация" })
    .getByRole("link", { name: "Показатели", exact: true })
    .click();
  await expect(page).toHaveURL(/\/dashboard/);
  expect(violations).toEqual([]);
});
