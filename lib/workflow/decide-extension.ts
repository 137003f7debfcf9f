import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { extendByPolicy, localDateOf } from "@/lib/deadlines";
import { atRiskInstant } from "@/lib/messages/clock";
import { formatDate } from "@/lib/format";
import { transition } from "./transition";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage, requireStatus, type LoadedMessage } from "./guards";
import { loadPolicy } from "./policy";
import { idSchema, parseInput } from "./validate";

const schema = z
  .object({
    messageId: idSchema,
    decision: z.enum(["approved", "denied"], "Выберите решение."),
    comment: text({ max: TEXT_LIMITS.note, multiline: true })
      .optional()
      .transform((s) => s || undefined),
  })
  .refine((v) => v.decision === "approved" || v.comment, {
    path: ["comment"],
    message: "Укажите причину отказа в продлении.",
  });

/** The current clock started at registration, or at the last reopening (a reopened message has a new clock). */
async function clockStart(tx: Tx, m: LoadedMessage): Promise<Date> {
  if (m.reopenCount === 0) return m.registeredAt;
  const e = await tx.messageEvent.findFirst({
    where: { messageId: m.id, toStatus: "reopened" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return e?.createdAt ?? m.registeredAt;
}

/** The coordinator approves (due date moved by the regime's policy on the production calendar) or denies. */
export async function decideExtension(user: CurrentUser, raw: unknown): Promise<{ newDueAt: Date | null }> {
  assertCan(user, "answer.review");
  const input = parseInput(schema, raw);
  return db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, input.messageId);
    requireStatus(m.status, ["extension_requested"], "in_work");
    const req = await tx.extensionRequest.findFirst({
      where: { messageId: m.id, status: "pending" },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    if (!req) throw new AppError("conflict", "Нет запроса на продление, ожидающего решения.");
    const decided = {
      decidedById: user.id,
      decidedAt: new Date(),
      decisionComment: input.comment ?? null,
      previousDueAt: m.dueAt,
    };
    if (input.decision === "denied") {
      await tx.extensionRequest.update({ where: { id: req.id }, data: { ...decided, status: "denied" } });
      await transition(tx, {
        messageId: m.id,
        from: "extension_requested",
        to: "in_work",
        actorId: user.id,
        reason: `В продлении срока отказано: ${input.comment}`,
        data: { requestId: req.id },
      });
      await audit(
        {
          actorId: user.id,
          action: "extension_denied",
          entity: "extension_request",
          entityId: req.id,
          data: { messageId: m.id },
        },
        tx,
      );
      return { newDueAt: null };
    }
    if (!m.dueAt) throw new AppError("conflict", "У сообщения не установлен срок ответа — продлевать нечего.");
    const policy = await loadPolicy(tx, m.regime);
    const currentLocal = m.dueLocalDate ? m.dueLocalDate.toISOString().slice(0, 10) : localDateOf(m.dueAt);
    let due;
    try {
      due = extendByPolicy(currentLocal, m.extensionCount, policy);
    } catch {
      throw new AppError("conflict", `Лимит продлений для этого режима исчерпан (не более ${policy.maxExtensions}).`);
    }
    const atRiskAt = atRiskInstant(await clockStart(tx, m), due.dueAt, policy.atRiskShare);
    await tx.extensionRequest.update({
      where: { id: req.id },
      data: { ...decided, status: "approved", newDueAt: due.dueAt },
    });
    await transition(tx, {
      messageId: m.id,
      from: "extension_requested",
      to: "in_work",
      actorId: user.id,
      reason: `Срок продлён до ${formatDate(due.dueAt)}${input.comment ? `. ${input.comment}` : ""}`,
      data: { requestId: req.id, previousDueAt: m.dueAt.toISOString(), newDueAt: due.dueAt.toISOString() },
      extra: {
        dueAt: due.dueAt,
        dueLocalDate: new Date(`${due.dueLocalDate}T00:00:00Z`),
        atRiskAt,
        extensionCount: { increment: 1 },
      },
    });
    await audit(
      {
        actorId: user.id,
        action: "extension_approved",
        entity: "extension_request",
        entityId: req.id,
        data: { messageId: m.id, newDueAt: due.dueAt.toISOString() },
      },
      tx,
    );
    return { newDueAt: due.dueAt };
  });
}
