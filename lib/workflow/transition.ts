// The only code that writes messages.status (besides the seed). No "server-only" import: the
// job worker (rating pulls, ingest re-routing) calls it outside the Next.js bundle too.
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { StatusCode } from "@/lib/messages/labels";
import { canTransition, transitionError } from "./state-machine";
import { notifyForTransition } from "./transition-notifications";

export type TransitionInput = {
  messageId: number;
  from: StatusCode;
  to: StatusCode;
  actorId: number | null;
  reason?: string | null;
  /** Stored on the history event (e.g. the review checklist). */
  data?: Prisma.InputJsonValue;
  /** Other message columns changed together with the status (due dates, answered_at, block…). */
  extra?: Omit<Prisma.MessageUncheckedUpdateManyInput, "status" | "id">;
};

/**
 * Moves a message from `from` to `to` inside the caller's transaction. The update is
 * conditional on the current status, so a concurrent change (two people clicking at once) or a
 * stale page makes it touch 0 rows and fail with the same clear message as an illegal change.
 */
export async function transition(tx: Tx, input: TransitionInput): Promise<{ eventId: bigint }> {
  const { messageId, from, to } = input;
  if (!canTransition(from, to)) throw new AppError("invalid_transition", transitionError(from, to));
  const updated = await tx.message.updateMany({
    where: { id: messageId, status: from },
    data: { ...input.extra, status: to },
  });
  if (updated.count === 0) {
    const current = await tx.message.findUnique({ where: { id: messageId }, select: { status: true } });
    if (!current) throw new AppError("not_found", "Сообщение не найдено.");
    throw new AppError(
      "invalid_transition",
      current.status === from
        ? transitionError(from, to)
        : `${transitionError(current.status, to)} Статус уже изменён другим пользователем — обновите страницу.`,
    );
  }
  const event = await tx.messageEvent.create({
    data: {
      messageId,
      kind: "status_change",
      fromStatus: from,
      toStatus: to,
      actorId: input.actorId,
      reason: input.reason ?? null,
      data: input.data,
    },
    select: { id: true },
  });
  await notifyForTransition(tx, { messageId, from, to, reason: input.reason ?? null, eventId: event.id });
  return { eventId: event.id };
}
