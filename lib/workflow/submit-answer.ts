import "server-only";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { transition } from "./transition";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage } from "./guards";
import { findOrCreateDraft, submittedRounds } from "./drafts";
import { answerWarnings } from "./answer-quality";
import { MAX_ANSWER_CHARS } from "./save-draft";
import { templateByCode } from "./templates";
import { idSchema, parseInput } from "./validate";

const schema = z.object({
  messageId: idSchema,
  text: text({
    max: MAX_ANSWER_CHARS,
    min: 20,
    multiline: true,
    minMessage: "Напишите ответ заявителю (не короче 20 символов).",
  }),
  templateCode: z
    .string()
    .max(50)
    .optional()
    .transform((c) => (templateByCode(c) ? c : undefined)),
});

/** Sends the draft for the coordinator's review as the next round. The formal-answer warnings
 * are not blocking (the head may know better) but are stored with the event for the reviewer. */
export async function submitAnswer(user: CurrentUser, raw: unknown): Promise<{ answerId: number; round: number }> {
  assertCan(user, "message.answer");
  const input = parseInput(schema, raw);
  return db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, input.messageId);
    if (m.status !== "in_work")
      throw new AppError("invalid_transition", "Отправить ответ на проверку можно, только когда сообщение в работе.");
    const draft = await findOrCreateDraft(tx, m.id, user.id);
    const round = (await submittedRounds(tx, m.id)) + 1;
    const warnings = answerWarnings(input.text).map((w) => w.code);
    await transition(tx, {
      messageId: m.id,
      from: "in_work",
      to: "answer_review",
      actorId: user.id,
      reason: `Ответ отправлен на проверку (раунд ${round})`,
      data: { answerId: draft.id, round, warnings },
    });
    await tx.answer.update({
      where: { id: draft.id },
      data: {
        text: input.text,
        templateCode: input.templateCode ?? undefined,
        status: "submitted",
        round,
        submittedAt: new Date(),
        authorId: user.id,
      },
    });
    return { answerId: draft.id, round };
  });
}
