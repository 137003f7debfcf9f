import { expect, test } from "@playwright/test";
import { expectAccessible, query, signIn } from "./helpers";

const POTHOLE_POS =
  "Огромная яма на дороге у дома № 12 по ул. Ленина, машины пробивают колёса, просим срочно заделать яму.";
const POTHOLE_SOCIAL = "На ул. Ленина возле дома 12 огромная яма на дороге, вчера пробил колесо. Когда заделают яму?";

async function insertMessage(
  channel: "pos" | "incident",
  text: string,
  locality: string,
  lat: number,
  lon: number,
): Promise<number> {
  const [row] = await query<{ id: number }>(
    `INSERT INTO messages (channel, external_id, regime, status, text_raw, text_clean, author_name, author_phone, locality, address, lat, lon,
                           source_created_at, registered_at, topic_id, block_id, topic_source, block_source, updated_at)
     SELECT $1::"ChannelCode", $2, $3::"Regime", 'routed', $4, $4, 'Сидорова Анна', '+7 900 555-44-33', $5, $6, $7, $8,
            now() - interval '2 hours', now() - interval '2 hours', t.id, t.block_id, 'manual', 'topic_map', now()
     FROM topics t WHERE t.code = 'roads' RETURNING id`,
    [
      channel,
      `e2e-prob-${channel}-${Date.now()}`,
      channel === "pos" ? "pos_message" : "social_incident",
      text,
      locality,
      `с. ${locality}, ул. Ленина, д. 12`,
      lat,
      lon,
    ],
  );
  return row.id;
}

test("two related messages from different channels end up in one problem", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const locality = `Проверочное ${Date.now() % 1_000_000}`;
  const posId = await insertMessage("pos", POTHOLE_POS, locality, 47.05, 142.05);
  const socialId = await insertMessage("incident", POTHOLE_SOCIAL, locality, 47.0504, 142.0502);

  await signIn(page, "coordinator");
  await page.goto("/problems");
  await expect(page.getByRole("heading", { name: "Комплексные проблемы", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Сгруппировать сейчас" }).click();
  await expect(page.getByTestId("action-ok")).toContainText("Создано проблем: ");
  const members = await query<{ message_id: number; problem_id: number }>(
    "SELECT message_id, problem_id FROM problem_messages WHERE message_id = ANY($1::int[]) AND detached_at IS NULL",
    [[posId, socialId]],
  );
  expect(members).toHaveLength(2);
  expect(members[0].problem_id).toBe(members[1].problem_id);
  const problemId = members[0].problem_id;

  // The list, filtered by the place, shows the problem with both channels.
  await page.getByLabel("Название, адрес или №").fill(locality);
  await page.getByRole("button", { name: "Показать" }).click();
  const row = page.getByTestId("problem-row").filter({ hasText: `№ ${problemId}.` });
  await expect(row).toContainText("ПОС «Решаем вместе»");
  await expect(row).toContainText("Инцидент Менеджмент");
  await row.getByRole("link").first().click();

  await expect(page.getByRole("heading", { name: new RegExp(`Проблема № ${problemId}`) })).toBeVisible();
  const table = page.getByTestId("problem-messages");
  await expect(table.getByRole("link", { name: `№ ${posId}`, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: `№ ${socialId}`, exact: true })).toBeVisible();
  await expect(page.getByTestId("problem-channels")).toContainText("ПОС «Решаем вместе»");
  await expect(page.getByTestId("problem-channels")).toContainText("Инцидент Менеджмент");
  // One resident wrote to both channels: shown once, with contacts, to the coordinator.
  await expect(page.getByTestId("problem-residents")).toContainText("+7 900 555-44-33");
  await expect(page.getByTestId("problem-queue-link")).toHaveAttribute("href", `/queue?problem=${problemId}`);
  await expectAccessible(page);

  // The message page links to its problem.
  await table.getByRole("link", { name: `№ ${posId}`, exact: true }).click();
  await expect(page.getByTestId("message-problem")).toContainText(`№ ${problemId}`);

  // The МЦУ curator sees the problem read-only and without personal data.
  const ctx = await browser.newContext();
  const viewer = await ctx.newPage();
  await signIn(viewer, "mcu_curator");
  await viewer.goto(`/problems/${problemId}`);
  await expect(viewer.getByRole("heading", { name: new RegExp(`Проблема № ${problemId}`) })).toBeVisible();
  await expect(viewer.getByText("Персональные данные заявителей скрыты")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Открепить" })).toHaveCount(0);
  await expect(viewer.getByText("+7 900 555-44-33")).toHaveCount(0);
  await expectAccessible(viewer);
  await ctx.close();
});
