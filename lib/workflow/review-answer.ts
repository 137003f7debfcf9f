import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { transition } from "./transition";
import { approvalTarget } from "./state-machine";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage, requireStatus } from "./guards";
import { startNextRound } from "./drafts";
import { CHECKLIST_CODES, REVIEW_CHECKLIST } from "./review-checklist";
import { idSchema, parseInput } from "./validate";

const schema = z
  .object({
    messageId: idSchema,
    decision: z.enum(["approved", "returned"], "Выберите решение."),
    comment: text({ max: TEXT_LIMITS.comment, multiline: true })
      .optional()
      .transform((s) => s || undefined),
    checklist: z.array(z.enum(CHECKLIST_CODES)).max(CHECKLIST_CODES.length).default([]),
  })
  .refine((v) => v.decision === "approved" || v.comment || v.checklist.length > 0, {
    path: ["comment"],
    message: "Укажите, что исправить: отметьте пункт списка или напишите комментарий.",
  });

/** The coordinator's review of the submitted round. Every round and its review are kept. An
 * approved non-ПОС answer still needs dispatchAnswer (the caller does it after this commits). */
export async function reviewAnswer(
  user: CurrentUser,
  raw: unknown,
): Promise<{ answerId: number; next: "awaiting_contact" | "dispatch" | "in_work" }> {
  assertCan(user, "answer.review");
  const input = parseInput(schema, raw);
  return db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, input.messageId);
    requireStatus(m.status, ["answer_review"], input.decision === "approved" ? approvalTarget(m.channel) : "in_work");
    const answer = await tx.answer.findFirst({
      where: { messageId: m.id, status: "submitted" },
      orderBy: [{ round: "desc" }, { id: "desc" }],
      select: { id: true, messageId: true, authorId: true, round: true, text: true, templateCode: true },
    });
    if (!answer) throw new AppError("conflict", "Нет ответа, ожидающего проверки.");
    await tx.answerReview.create({
      data: {
        answerId: answer.id,
        reviewerId: user.id,
        decision: input.decision,
        comment: input.comment,
        checklist: input.checklist,
      },
    });
    await audit(
      {
        actorId: user.id,
        action: `answer_${input.decision}`,
        entity: "answer",
        entityId: answer.id,
        data: { messageId: m.id, round: answer.round, checklist: input.checklist },
      },
      tx,
    );
    if (input.decision === "returned") {
      await tx.answer.update({ where: { id: answer.id }, data: { status: "returned" } });
      const items = input.checklist.map((c) => REVIEW_CHECKLIST[c]);
      const reason = ["Ответ возвращён на доработку", items.join("; "), input.comment].filter(Boolean).join(". ");
      await transition(tx, {
        messageId: m.id,
        from: "answer_review",
        to: "in_work",
        actorId: user.id,
        reason,
        data: { answerId: answer.id, round: answer.round, checklist: input.checklist },
      });
      await startNextRound(tx, answer);
      return { answerId: answer.id, next: "in_work" as const };
    }
    await tx.answer.update({
      where: { id: answer.id },
      data: { status: "approved", approvedAt: new Date(), dispatchError: null },
    });
    if (approvalTarget(m.channel) === "awaiting_contact") {
      await transition(tx, {
        messageId: m.id,
        from: "answer_review",
        to: "awaiting_contact",
        actorId: user.id,
        reason: input.comment ? `Ответ одобрен. ${input.comment}` : "Ответ одобрен",
        data: { answerId: answer.id, round: answer.round },
      });
      return { answerId: answer.id, next: "awaiting_contact" as const };
    }
    return { answerId: answer.id, next: "dispatch" as const };
  });
}
