// Creates notifications inside the caller's transaction. No "server-only": the job worker
// sends notifications too. The unique (user_id, dedupe_key) makes a repeated call (a retried
// job, a replayed page) send nothing twice.
import type { Tx } from "@/lib/db";

export type NotifyInput = {
  userIds: readonly number[];
  kind: string;
  title: string;
  body?: string | null;
  messageId?: number | null;
  /** Same key for the same user → sent once. */
  dedupeKey: string;
};

export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const res = await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: input.kind,
      title: input.title.slice(0, 300),
      body: input.body ? input.body.slice(0, 2000) : null,
      messageId: input.messageId ?? null,
      dedupeKey: input.dedupeKey,
    })),
    skipDuplicates: true,
  });
  return res.count;
}
