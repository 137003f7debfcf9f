import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage } from "./guards";
import { dispatchAnswer, type DispatchOptions } from "./dispatch-answer";
import { idSchema, parseInput } from "./validate";

const schema = z.object({ messageId: idSchema });

/**
 * Sends the approved answer to the resident through the message's channel. A ПОС answer goes
 * out only after the curator's logged call (checked in dispatchAnswer, so no caller can skip
 * it). A failed dispatch keeps the answer approved with the error, and the user can retry.
 */
export async function releaseAnswer(
  user: CurrentUser,
  raw: unknown,
  opts: DispatchOptions = {},
): Promise<{ status: "released" | "already_released" }> {
  assertCan(user, "answer.release");
  const { messageId } = parseInput(schema, raw);
  const m = await loadMessage(db(), user, messageId);
  const answer = await db().answer.findFirst({
    where: { messageId, status: { in: ["approved", "released"] } },
    orderBy: [{ round: "desc" }, { id: "desc" }],
    select: { id: true, status: true },
  });
  if (answer?.status === "released" && m.status === "answered") return { status: "already_released" };
  if (!answer || (m.status !== "awaiting_contact" && m.status !== "answer_review")) {
    throw new AppError("invalid_transition", "Нет одобренного ответа, ожидающего отправки.");
  }
  if (user.role === "block_curator" && m.status !== "awaiting_contact") {
    throw new AppError("forbidden", "Куратор отправляет только ответы по ПОС после звонка заявителю.");
  }
  const r = await dispatchAnswer(answer.id, user.id, opts);
  await audit({
    actorId: user.id,
    action: r.status === "failed" ? "answer_dispatch_failed" : "answer_released",
    entity: "answer",
    entityId: answer.id,
    data: { messageId, ...(r.status === "failed" ? { error: r.error } : {}) },
  });
  if (r.status === "failed") {
    throw new AppError(
      "conflict",
      `Не удалось отправить ответ в канал «${CHANNEL_LABELS[m.channel]}»: ${r.error}. Ответ остаётся одобренным — повторите отправку позже.`,
    );
  }
  return { status: r.status };
}
