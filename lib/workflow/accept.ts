import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { transition } from "./transition";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage, requireStatus } from "./guards";
import { idSchema, parseInput } from "./validate";

const schema = z.object({ messageId: idSchema });

/** The block head takes a routed (or reopened) message of the own block into work. */
export async function acceptMessage(user: CurrentUser, raw: unknown): Promise<void> {
  assertCan(user, "message.answer");
  const { messageId } = parseInput(schema, raw);
  await db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, messageId);
    // extension_requested → in_work is also legal, but that is the coordinator's decision.
    requireStatus(m.status, ["routed", "reopened"], "in_work");
    await transition(tx, { messageId, from: m.status, to: "in_work", actorId: user.id, reason: "Принято в работу" });
  });
}
