import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { REGIME_LABELS } from "@/lib/messages/labels";
import { transition } from "./transition";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage, requireStatus } from "./guards";
import { loadPolicy } from "./policy";
import { idSchema, parseInput } from "./validate";

const schema = z.object({
  messageId: idSchema,
  reason: text({
    max: TEXT_LIMITS.reason,
    min: 10,
    multiline: true,
    minMessage: "Объясните, почему нужен дополнительный срок (не короче 10 символов).",
  }),
});

/** The block head asks the coordinator for more time; the regime's limit is checked up front so
 * the head learns at once that no extension is possible. */
export async function requestExtension(user: CurrentUser, raw: unknown): Promise<{ requestId: number }> {
  assertCan(user, "message.answer");
  const { messageId, reason } = parseInput(schema, raw);
  return db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, messageId);
    requireStatus(m.status, ["in_work"], "extension_requested");
    const policy = await loadPolicy(tx, m.regime);
    if (m.extensionCount >= policy.maxExtensions) {
      throw new AppError(
        "conflict",
        policy.maxExtensions === 0
          ? `Режим «${REGIME_LABELS[m.regime]}» не допускает продления срока.`
          : `Срок уже продлевался: режим «${REGIME_LABELS[m.regime]}» допускает не более ${policy.maxExtensions} продлений.`,
      );
    }
    const req = await tx.extensionRequest.create({
      data: { messageId, requestedById: user.id, reason, previousDueAt: m.dueAt },
      select: { id: true },
    });
    await transition(tx, {
      messageId,
      from: "in_work",
      to: "extension_requested",
      actorId: user.id,
      reason: `Запрошено продление: ${reason}`,
      data: { requestId: req.id },
    });
    return { requestId: req.id };
  });
}
