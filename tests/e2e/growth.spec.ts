// «Причины роста»: the demo seed's spike (lib/seed/demo-spike.ts) is listed with its words; the
// coordinator turns it into a problem; the МЦУ curator sees the page read-only.
import { expect, test } from "@playwright/test";
import { SPIKE_LOCALITY, SPIKE_WORDS } from "@/lib/seed/demo-spike";
import { expectAccessible, query, signIn } from "./helpers";

const CARD_TITLE = `Энергетика · ${SPIKE_LOCALITY}`;

test("the МЦУ curator sees the seeded spike with its words, read-only", async ({ page }) => {
  await signIn(page, "mcu_curator");
  await page
    .getByRole("navigation", { name: "Основная навигация" })
    .getByRole("link", { name: "Причины роста" })
    .click();
  await expect(page).toHaveURL(/\/growth$/);
  await expect(page.getByRole("heading", { level: 1, name: "Причины роста" })).toBeVisible();
  const card = page.getByTestId("growth").filter({ has: page.getByRole("heading", { name: CARD_TITLE }) });
  await expect(card).toBeVisible();
  for (const w of SPIKE_WORDS)
    await expect(card.getByTestId("growth-words").getByText(w, { exact: true })).toBeVisible();
  await expect(card.getByRole("button", { name: /Создать проблему/ })).toHaveCount(0);
  await expectAccessible(page);

  // The dashboard carries the same growth in its «Причины роста» panel, linked to the queue.
  await page.getByRole("navigation", { name: "Основная навигация" }).getByRole("link", { name: "Показатели" }).click();
  const panel = page.getByTestId("growth-panel");
  await expect(panel.getByRole("link", { name: CARD_TITLE })).toBeVisible();
  await expect(panel).toContainText(SPIKE_WORDS[0]);
  await expectAccessible(page);
});

test("the coordinator sees the spike, opens its messages in the queue and creates a problem from it", async ({
  page,
}) => {
  await signIn(page, "coordinator");
  await page.goto("/growth");
  const card = page.getByTestId("growth").filter({ has: page.getByRole("heading", { name: CARD_TITLE }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText("значимо при FDR 5 %");
  await expect(card).toContainText(/сообщени\S* за неделю при ожидаемых [\d,]+ — рост в [\d,\s]+ раза?/);
  const words = card.getByTestId("growth-words");
  for (const w of SPIKE_WORDS) await expect(words.getByText(w, { exact: true })).toBeVisible();
  // Three sample messages, each a link to its page.
  await expect(card.getByRole("link", { name: /^№ \d+$/ })).toHaveCount(3);
  await expectAccessible(page);

  // The queue link filters by exactly this cell and week.
  const queueLink = card.getByRole("link", { name: /Открыть в очереди/ });
  const href = (await queueLink.getAttribute("href"))!;
  const params = new URL(href, "http://x").searchParams;
  expect(params.get("topic")).toBe("energy");
  expect(params.get("locality")).toBe(SPIKE_LOCALITY);
  const [{ n: inWeek }] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages m JOIN topics t ON t.id = m.topic_id
     WHERE t.code = 'energy' AND m.locality = $1 AND m.registered_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Sakhalin'
       AND m.registered_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Sakhalin'`,
    [SPIKE_LOCALITY, params.get("from"), params.get("to")],
  );
  expect(inWeek).toBeGreaterThanOrEqual(14);
  await expect(queueLink).toContainText(`${inWeek} сообщени`);

  await card.getByRole("button", { name: /Создать проблему/ }).click();
  const created = card.getByTestId("growth-problem-created");
  await expect(created).toContainText("Создана проблема №");
  const problemHref = (await created.getByRole("link").getAttribute("href"))!;
  const id = Number(/^\/problems\/(\d+)$/.exec(problemHref)?.[1]);
  expect(id).toBeGreaterThan(0);

  const [problem] = await query<{ origin: string; locality: string; topic: string; creator: string }>(
    `SELECT p.origin::text AS origin, p.locality, t.code AS topic, u.login AS creator
     FROM problems p JOIN topics t ON t.id = p.topic_id JOIN users u ON u.id = p.created_by_id WHERE p.id = $1`,
    [id],
  );
  expect(problem).toEqual({ origin: "growth", locality: SPIKE_LOCALITY, topic: "energy", creator: "coordinator" });
  const [{ spike, other }] = await query<{ spike: number; other: number }>(
    `SELECT count(*) FILTER (WHERE m.external_id LIKE 'spike-%')::int AS spike,
            count(*) FILTER (WHERE m.locality <> $2 OR m.topic_id <> (SELECT id FROM topics WHERE code = 'energy'))::int AS other
     FROM problem_messages pm JOIN messages m ON m.id = pm.message_id WHERE pm.problem_id = $1 AND pm.detached_at IS NULL`,
    [id, SPIKE_LOCALITY],
  );
  expect(spike).toBe(14);
  expect(other).toBe(0);
  const audited = await query(`SELECT 1 FROM audit_log WHERE action = 'growth.problem_create' AND entity_id = $1`, [
    String(id),
  ]);
  expect(audited).toHaveLength(1);

  // After a reload the growth says where its messages went, and offers no second problem.
  await page.reload();
  const again = page.getByTestId("growth").filter({ has: page.getByRole("heading", { name: CARD_TITLE }) });
  await expect(again.getByRole("link", { name: new RegExp(`№ ${id} «`) })).toBeVisible();
  await expect(again.getByRole("button", { name: /Создать проблему/ })).toHaveCount(0);
  await expectAccessible(page);

  await again.getByRole("link", { name: /Открыть в очереди/ }).click();
  await expect(page).toHaveURL(/\/queue\?/);
  await expect(page.getByRole("heading", { level: 1, name: "Очередь сообщений" })).toBeVisible();
});

test("a block head does not get the page", async ({ page }) => {
  await signIn(page, "head_zhkh");
  const r = await page.goto("/growth");
  expect(r?.status()).toBe(404);
  await expect(page.getByTestId("growth")).toHaveCount(0);
});
