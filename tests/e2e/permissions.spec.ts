// Every page of the desk opened as every role, generated from PAGE_PERMISSIONS (the map): a role
// with the page's capability gets the page (200), any other gets «не найдено» (404, so nothing
// reveals what exists), and a visitor without a session is sent to the sign-in page.
import { expect, test } from "@playwright/test";
import { PAGE_PERMISSIONS, can, type PagePath } from "@/lib/auth/permissions";
import { ROLES, type RoleCode } from "@/lib/auth/roles";
import { query, signIn } from "./helpers";

/** A demo account of each role, and for the pages with an id one row each role may reach. */
async function fixtures() {
  const logins = {} as Record<RoleCode, string>;
  for (const role of ROLES) {
    const [u] = await query<{ login: string }>(
      `SELECT login FROM users WHERE role = $1 AND active AND login NOT LIKE 'bench\\_%' ORDER BY id LIMIT 1`,
      [role],
    );
    logins[role] = u.login;
  }
  // The block head: one of a block the chosen curator curates, so both may open the message below.
  const [head] = await query<{ login: string }>(
    `SELECT u.login FROM users u JOIN block_curators bc ON bc.block_id = u.block_id JOIN users c ON c.id = bc.user_id
     WHERE u.role = 'block_head' AND u.active AND c.login = $1 ORDER BY u.id LIMIT 1`,
    [logins.block_curator],
  );
  logins.block_head = head.login;
  const [problem] = await query<{ id: number }>("SELECT id FROM problems ORDER BY id LIMIT 1");
  // A message in the block of the block head we sign in as, curated by the curator we sign in as.
  const [message] = await query<{ id: number }>(
    `SELECT m.id FROM messages m
     WHERE m.block_id = (SELECT block_id FROM users WHERE login = $1)
       AND m.block_id IN (SELECT bc.block_id FROM block_curators bc JOIN users u ON u.id = bc.user_id WHERE u.login = $2)
     ORDER BY m.id LIMIT 1`,
    [logins.block_head, logins.block_curator],
  );
  expect(problem, "the seed has a problem").toBeTruthy();
  expect(message, "the seed has a message the chosen block head and curator share").toBeTruthy();
  return {
    logins,
    ids: { "[id]": { "/problems/[id]": problem.id, "/messages/[id]": message.id } as Record<string, number> },
  };
}

const urlOf = (route: PagePath, ids: Record<string, number>) =>
  route.includes("[id]") ? route.replace("[id]", String(ids[route])) : route;

test("every page answers every role as the permission map says", async ({ page }) => {
  test.setTimeout(240_000);
  const { logins, ids } = await fixtures();
  const routes = Object.keys(PAGE_PERMISSIONS) as PagePath[];

  // No session: the sign-in page.
  await page.context().clearCookies();
  for (const route of routes) {
    const r = await page.request.get(urlOf(route, ids["[id]"]), { maxRedirects: 0 });
    expect([302, 303, 307], `${route} without a session`).toContain(r.status());
    expect(r.headers()["location"] ?? "", route).toContain("/login");
  }

  for (const role of ROLES) {
    await signIn(page, logins[role]);
    for (const route of routes) {
      const permission = PAGE_PERMISSIONS[route];
      const allowed = permission === null || can({ role }, permission);
      const r = await page.request.get(urlOf(route, ids["[id]"]), { maxRedirects: 0 });
      // The home page sends each role on to its own screen.
      const expected = route === "/" ? [307, 308, 302, 303] : [allowed ? 200 : 404];
      expect(expected, `${role} → ${route} (${permission ?? "any signed-in user"})`).toContain(r.status());
    }
  }
});
