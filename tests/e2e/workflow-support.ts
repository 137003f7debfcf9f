// Helpers of the workflow specs: switching roles, reading statuses, and a ПОС message the
// running simulator (port 4101, the seed's channels.base_url for pos) knows.
import { expect, type Page } from "@playwright/test";
import { query, signIn } from "./helpers";

export const POS_SIMULATOR = "http://127.0.0.1:4101";

export async function as(page: Page, login: string) {
  await page.context().clearCookies();
  await signIn(page, login);
}

export async function statusOf(id: number): Promise<string> {
  const [r] = await query<{ status: string }>("SELECT status FROM messages WHERE id = $1", [id]);
  return r.status;
}

/** A routed ПОС message of the zhkh block from the seed, re-pointed at a message the simulator
 * serves (the seed's "demo-N" ids are unknown to it), so the release really reaches the channel. */
export async function routedPosMessageOfZhkh(): Promise<{ id: number; externalId: string }> {
  const [m] = await query<{ id: number }>(
    `SELECT m.id FROM messages m JOIN blocks b ON b.id = m.block_id
     WHERE b.code = 'zhkh' AND m.channel = 'pos' AND m.status = 'routed' AND m.external_id LIKE 'demo-%' ORDER BY m.id LIMIT 1`,
  );
  expect(m, "the seed has a routed ПОС message of block zhkh").toBeTruthy();
  const page = (await (await fetch(`${POS_SIMULATOR}/api/v1/messages?limit=100`)).json()) as {
    items: { id: string }[];
  };
  const taken = new Set(
    (await query<{ external_id: string }>("SELECT external_id FROM messages WHERE channel = 'pos'")).map(
      (r) => r.external_id,
    ),
  );
  const externalId = page.items.map((i) => i.id).find((id) => !taken.has(id));
  expect(externalId, "a simulator message not yet in the database").toBeTruthy();
  await query("UPDATE messages SET external_id = $1 WHERE id = $2", [externalId, m.id]);
  return { id: m.id, externalId: externalId! };
}

export const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
