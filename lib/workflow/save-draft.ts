import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage } from "./guards";
import { findOrCreateDraft } from "./drafts";
import { templateByCode } from "./templates";
import { idSchema, parseInput } from "./validate";

export const MAX_ANSWER_CHARS = TEXT_LIMITS.answer;

const schema = z.object({
  messageId: idSchema,
  text: text({ max: MAX_ANSWER_CHARS, multiline: true }),
  templateCode: z
    .string()
    .max(50)
    .optional()
    .transform((c) => (templateByCode(c) ? c : undefined)),
});

/** Saves the block head's draft answer; the message must be in work. */
export async function saveDraft(user: CurrentUser, raw: unknown): Promise<{ answerId: number }> {
  assertCan(user, "message.answer");
  const input = parseInput(schema, raw);
  return db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, input.messageId);
    if (m.status !== "in_work")
      throw new AppError("invalid_transition", "Черновик ответа можно сохранить, только когда сообщение в работе.");
    const draft = await findOrCreateDraft(tx, m.id, user.id);
    await tx.answer.update({
      where: { id: draft.id },
      data: { text: input.text, templateCode: input.templateCode ?? undefined, authorId: user.id },
    });
    return { answerId: draft.id };
  });
}
