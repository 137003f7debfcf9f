import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { ttlMemo } from "@/lib/cache/ttl-memo";

export type QueueOptions = {
  topics: { id: number; code: string; name: string }[];
  blocks: { id: number; code: string; name: string }[];
  curators: { id: number; name: string }[];
};

/** Topics, blocks and curators change a few times a year (on the admin pages); every queue page
 * shows them, so each process keeps them for half a minute. */
const memo = ttlMemo("queueOptions", 30_000);

/** Choices for the queue's filters and bulk actions. */
export async function queueOptions(user: CurrentUser): Promise<QueueOptions> {
  assertCan(user, "queue.read");
  return memo.get("all", loadOptions);
}

async function loadOptions(): Promise<QueueOptions> {
  const [topics, blocks, curators] = await Promise.all([
    db().topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true } }),
    db().block.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, shortName: true } }),
    db().user.findMany({
      where: { role: "block_curator", active: true },
      orderBy: { fullName: "asc" },
      select: { id: true, fullName: true },
    }),
  ]);
  return {
    topics,
    blocks: blocks.map((b) => ({ id: b.id, code: b.code, name: b.shortName })),
    curators: curators.map((c) => ({ id: c.id, name: c.fullName })),
  };
}

/** Called where curators are added or (de)activated, so this process shows the change at once
 * (other web processes within the memo's half minute). */
export function clearQueueOptions(): void {
  memo.clear();
}
