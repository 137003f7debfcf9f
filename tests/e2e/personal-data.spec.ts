// The personal-data rule, signed in as each role: a resident's name and phone number written into
// the message text reach only the roles that may read personal data. For the МЦУ curator they are
// masked on the message page, in the queue, in search and in exports — in the HTML and in the
// React Server Components payload the browser receives — and a search by them finds nothing.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { indexPendingSearch } from "@/lib/search/index-pending";
import { query, signIn } from "./helpers";

type Seeded = { id: number; surname: string; phone: string; blockId: number };
let m: Seeded;

test.beforeAll(async () => {
  // A demo message signed «Фамилия …, тел. +7 …» (the seed's generator writes such signatures).
  const rows = await query<{ id: number; text_clean: string; author_name: string; block_id: number }>(
    `SELECT id, text_clean, author_name, block_id FROM messages
     WHERE external_id LIKE 'demo-%' AND block_id IS NOT NULL AND text_clean ~ 'тел\\. \\+7 \\d{3} \\d{3}-\\d{2}-\\d{2}'
       AND strpos(text_clean, split_part(author_name, ' ', 1)) > 0
     ORDER BY id LIMIT 1`,
  );
  expect(rows, "the seed has a message with a name and a phone in its text").toHaveLength(1);
  const r = rows[0];
  m = {
    id: r.id,
    surname: r.author_name.split(" ")[0],
    phone: /\+7 \d{3} \d{3}-\d{2}-\d{2}/.exec(r.text_clean)![0],
    blockId: r.block_id,
  };
  // The worker's search indexer does not run in the e2e set-up: index here.
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await indexPendingSearch(c);
  } finally {
    await c.end();
  }
});

/** The page as HTML and as the RSC payload of a client-side navigation to it. */
async function bothForms(page: Page, path: string): Promise<string> {
  await page.goto(path);
  const html = await page.content();
  const rsc = await page.request.get(path, { headers: { RSC: "1" } });
  expect(rsc.ok()).toBe(true);
  return `${html}\n${await rsc.text()}`;
}

async function loginsThatSee(): Promise<{ login: string; queue: boolean }[]> {
  const [head] = await query<{ login: string }>(
    `SELECT login FROM users WHERE role = 'block_head' AND active AND block_id = $1 ORDER BY id LIMIT 1`,
    [m.blockId],
  );
  const [curator] = await query<{ login: string }>(
    `SELECT u.login FROM users u JOIN block_curators bc ON bc.user_id = u.id WHERE u.active AND bc.block_id = $1 ORDER BY u.id LIMIT 1`,
    [m.blockId],
  );
  return [
    { login: "coordinator", queue: true },
    { login: "mcu_head", queue: true },
    { login: head.login, queue: false },
    { login: curator.login, queue: false },
  ];
}

test("roles that may read personal data see the name and phone in the text", async ({ page }) => {
  for (const { login, queue } of await loginsThatSee()) {
    await signIn(page, login);
    const body = await bothForms(page, `/messages/${m.id}`);
    expect(body, `${login}: the surname on the message page`).toContain(m.surname);
    expect(body, `${login}: the phone on the message page`).toContain(m.phone);
    if (queue) {
      await page.goto(`/queue?q=${encodeURIComponent(m.surname)}`);
      await expect(
        page.locator(`a[href="/messages/${m.id}"]`).first(),
        `${login}: search by the surname finds it`,
      ).toBeVisible();
    }
  }
});

test("the МЦУ curator gets the text masked everywhere and cannot search by it", async ({ page }) => {
  await signIn(page, "mcu_curator");
  // The message page: masked text, no applicant card.
  const body = await bothForms(page, `/messages/${m.id}`);
  expect(body).not.toContain(m.surname);
  expect(body).not.toContain(m.phone);
  await expect(page.getByText("[телефон скрыт]").first()).toBeVisible();
  await expect(page.getByText("Персональные данные заявителя скрыты для вашей роли.")).toBeVisible();

  // The queue, found by its number: the preview is masked.
  const queue = await bothForms(page, `/queue?q=${m.id}`);
  await expect(page.locator(`a[href="/messages/${m.id}"]`).first()).toBeVisible();
  expect(queue).not.toContain(m.surname);
  expect(queue).not.toContain(m.phone);

  // Search by the surname or the phone finds nothing.
  for (const q of [m.surname, m.phone]) {
    await page.goto(`/queue?q=${encodeURIComponent(q)}`);
    await expect(page.locator("main")).toBeVisible();
    await expect(page.locator(`a[href="/messages/${m.id}"]`), `search «${q}»`).toHaveCount(0);
  }

  // Exports hold figures, never the text.
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const csv = await page.request.get(
    `/api/reports/export?format=csv&row=locality&col=channel&m=count&from=${day(-40)}&to=${day(0)}`,
  );
  expect(csv.status(), await csv.text()).toBe(200);
  const exported = await csv.text();
  expect(exported).not.toContain(m.surname);
  expect(exported).not.toContain(m.phone);
});
