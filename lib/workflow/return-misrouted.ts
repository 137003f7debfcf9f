import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { transition } from "./transition";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage, requireStatus } from "./guards";
import { idSchema, parseInput } from "./validate";

const schema = z.object({
  messageId: idSchema,
  reason: text({
    max: TEXT_LIMITS.reason,
    min: 10,
    multiline: true,
    minMessage: "Укажите причину возврата (не короче 10 символов): чей это вопрос и почему.",
  }),
});

/** The block head says the message is not the block's; coordinators are notified (by transition). */
export async function returnMisrouted(user: CurrentUser, raw: unknown): Promise<void> {
  assertCan(user, "message.answer");
  const { messageId, reason } = parseInput(schema, raw);
  await db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, messageId);
    requireStatus(m.status, ["routed", "in_work"], "returned");
    await transition(tx, {
      messageId,
      from: m.status,
      to: "returned",
      actorId: user.id,
      reason: `Возвращено как ошибочно направленное: ${reason}`,
    });
    await audit(
      {
        actorId: user.id,
        action: "message_returned",
        entity: "message",
        entityId: messageId,
        data: { reason, blockId: m.blockId },
      },
      tx,
    );
  });
}
