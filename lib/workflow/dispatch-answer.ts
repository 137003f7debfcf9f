// Sends an approved answer back through its channel. No "server-only": a dispatch job may call
// it as well. The HTTP call happens outside any transaction (a slow channel must not hold
// locks); the idempotency key makes a retry after a lost response safe.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAdapter, type AdapterOptions, type ChannelAdapter } from "@/lib/channels/adapter";
import { approvalTarget } from "./state-machine";
import { transition } from "./transition";
import { describeDispatchError } from "./dispatch-error";
import { env } from "@/lib/env";
import type { ChannelCode } from "@/lib/channels/types";

export type DispatchOptions = Partial<Pick<AdapterOptions, "token" | "timeoutMs" | "maxRetries" | "backoffBaseMs">> & {
  adapterFactory?: (channel: Parameters<typeof createAdapter>[0], opts: AdapterOptions) => ChannelAdapter;
};
export type DispatchResult = { status: "released" | "already_released" } | { status: "failed"; error: string };

const TOKENS: Record<ChannelCode, () => string> = {
  pos: () => env().POS_API_TOKEN,
  incident: () => env().INCIDENT_API_TOKEN,
  smls: () => env().SMLS_API_TOKEN,
  sakhalin: () => env().SAKHALIN_API_TOKEN,
};

/** Stable per answer row and unlikely to collide across databases sharing one channel. */
export function idempotencyKey(a: { id: number; createdAt: Date }): string {
  return `mcu-answer-${a.id}-${a.createdAt.getTime()}`;
}

export async function dispatchAnswer(
  answerId: number,
  actorId: number | null,
  opts: DispatchOptions = {},
): Promise<DispatchResult> {
  const a = await db().answer.findUnique({
    where: { id: answerId },
    select: {
      id: true,
      status: true,
      text: true,
      createdAt: true,
      message: { select: { id: true, status: true, channel: true, externalId: true } },
    },
  });
  if (!a) throw new AppError("not_found", "Ответ не найден.");
  if (a.status === "released") return { status: "already_released" };
  if (a.status !== "approved") throw new AppError("conflict", "Отправить можно только одобренный координатором ответ.");
  const from = approvalTarget(a.message.channel) === "awaiting_contact" ? "awaiting_contact" : "answer_review";
  if (a.message.status !== from)
    throw new AppError("invalid_transition", "Сообщение не ждёт отправки ответа — обновите страницу.");
  if (from === "awaiting_contact" && (await db().contactAttempt.count({ where: { answerId: a.id } })) === 0) {
    throw new AppError(
      "conflict",
      "Ответ по ПОС нельзя отправить без звонка заявителю: сначала куратор фиксирует звонок.",
    );
  }
  const channel = await db().channel.findUnique({ where: { code: a.message.channel }, select: { baseUrl: true } });
  if (!channel?.baseUrl) throw new AppError("conflict", "Для канала не задан адрес API — обратитесь к начальнику МЦУ.");
  const adapter = (opts.adapterFactory ?? createAdapter)(a.message.channel, {
    baseUrl: channel.baseUrl,
    token: opts.token ?? TOKENS[a.message.channel](),
    timeoutMs: opts.timeoutMs ?? env().CHANNEL_TIMEOUT_MS,
    // Someone is waiting on the button: a couple of quick retries, then the error and a manual retry.
    maxRetries: opts.maxRetries ?? Math.min(2, env().CHANNEL_MAX_RETRIES),
    backoffBaseMs: opts.backoffBaseMs ?? 300,
  });
  try {
    await adapter.sendAnswer(a.message.externalId, a.text, idempotencyKey(a));
  } catch (e) {
    const error = describeDispatchError(e);
    await db().answer.update({
      where: { id: a.id },
      data: { dispatchAttempts: { increment: 1 }, dispatchError: error.slice(0, 1000) },
    });
    return { status: "failed", error };
  }
  return db().$transaction(async (tx) => {
    const now = new Date();
    const done = await tx.answer.updateMany({
      where: { id: a.id, status: "approved" },
      data: { status: "released", releasedAt: now, dispatchAttempts: { increment: 1 }, dispatchError: null },
    });
    // Someone else released it meanwhile; the channel saw one answer thanks to the key.
    if (done.count === 0) return { status: "already_released" } as const;
    await transition(tx, {
      messageId: a.message.id,
      from,
      to: "answered",
      actorId,
      reason: "Ответ отправлен заявителю через канал",
      extra: { answeredAt: now },
      data: { answerId: a.id },
    });
    return { status: "released" } as const;
  });
}
