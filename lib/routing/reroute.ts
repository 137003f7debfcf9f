import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { OPEN_STATUSES } from "@/lib/messages/labels";
import { notify } from "@/lib/notifications/notify";
import { blockHeadIds } from "@/lib/notifications/recipients";
import { transition } from "@/lib/workflow/transition";
import { assertCan } from "@/lib/auth/guards";
import { idSchema, parseInput } from "@/lib/workflow/validate";

// A form sends "" for "leave as is"; callers may also omit the field.
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema.optional());

const schema = z.object({
  messageId: idSchema,
  topicId: optionalId,
  blockId: optionalId,
  reason: text({
    max: TEXT_LIMITS.reason,
    min: 5,
    multiline: true,
    minMessage: "Укажите причину изменения (не короче 5 символов).",
    requiredMessage: "Укажите причину изменения.",
  }),
});

export type RerouteResult = { topicChanged: boolean; blockChanged: boolean; routed: boolean };

/**
 * The coordinator (or the МЦУ head) fixes a message's topic and/or block. Automatic decisions are
 * replaced by "manual" ones with who and why; each change is a history event; a topic change is
 * kept as training data for the classifier. A message waiting for routing (new, returned) that
 * ends up with a block is routed — through transition(), which also tells the block head. When
 * only the topic is given and the message has no block yet, it goes to the topic's block.
 */
export async function rerouteMessage(user: CurrentUser, raw: unknown): Promise<RerouteResult> {
  assertCan(user, "message.triage");
  const input = parseInput(schema, raw);
  if (input.topicId === undefined && input.blockId === undefined) {
    throw new AppError("invalid_input", "Выберите тему или блок.", { topicId: ["Выберите тему или блок."] });
  }
  return db().$transaction(async (tx) => {
    const m = await tx.message.findUnique({
      where: { id: input.messageId },
      select: {
        id: true,
        status: true,
        title: true,
        textClean: true,
        topicId: true,
        blockId: true,
        topic: { select: { code: true } },
        block: { select: { code: true } },
      },
    });
    if (!m) throw new AppError("not_found", "Сообщение не найдено.");

    const topic =
      input.topicId === undefined
        ? null
        : await tx.topic.findUnique({ where: { id: input.topicId }, select: { id: true, code: true, blockId: true } });
    if (input.topicId !== undefined && !topic)
      throw new AppError("invalid_input", "Такой темы нет.", { topicId: ["Такой темы нет."] });
    let blockId = input.blockId;
    if (blockId === undefined && topic && m.blockId === null) blockId = topic.blockId;
    const block =
      blockId === undefined
        ? null
        : await tx.block.findUnique({ where: { id: blockId }, select: { id: true, code: true, name: true } });
    if (blockId !== undefined && !block)
      throw new AppError("invalid_input", "Такого блока нет.", { blockId: ["Такого блока нет."] });

    const topicChanged = topic !== null && topic.id !== m.topicId;
    const blockChanged = block !== null && block.id !== m.blockId;
    // A returned message may be sent back to the same block: that is a decision too.
    const willRoute = block !== null && (m.status === "new" || m.status === "returned");
    if (!topicChanged && !blockChanged && !willRoute) {
      throw new AppError("invalid_input", "Тема и блок уже такие — изменять нечего.");
    }
    const manual = { by: user.name, byId: user.id, reason: input.reason, at: new Date().toISOString() };

    await tx.message.update({
      where: { id: m.id },
      data: {
        needsReview: false,
        ...(topicChanged
          ? {
              topicId: topic!.id,
              topicSource: "manual",
              topicConfidence: null,
              topicReason: { ...manual, previous: m.topic?.code ?? null },
            }
          : {}),
        ...(blockChanged
          ? { blockId: block!.id, blockSource: "manual", blockReason: { ...manual, previous: m.block?.code ?? null } }
          : {}),
      },
    });
    if (topicChanged) {
      await tx.messageEvent.create({
        data: {
          messageId: m.id,
          kind: "topic_change",
          actorId: user.id,
          reason: input.reason,
          data: { from: m.topic?.code ?? null, to: topic!.code },
        },
      });
      // Training data: the text exactly as the classifier saw it (decide() reads title + text).
      await tx.classificationCorrection.create({
        data: {
          messageId: m.id,
          userId: user.id,
          text: m.title ? `${m.title}\n${m.textClean}` : m.textClean,
          fromTopic: m.topic?.code ?? null,
          toTopic: topic!.code,
        },
      });
    }
    let blockEventId: bigint | null = null;
    if (blockChanged) {
      const ev = await tx.messageEvent.create({
        data: {
          messageId: m.id,
          kind: "block_change",
          actorId: user.id,
          reason: input.reason,
          data: { from: m.block?.code ?? null, to: block!.code },
        },
        select: { id: true },
      });
      blockEventId = ev.id;
    }
    if (willRoute) {
      // transition() notifies the (new) block head about the routed message.
      await transition(tx, {
        messageId: m.id,
        from: m.status,
        to: "routed",
        actorId: user.id,
        reason: `Направлено в блок «${block!.name}»: ${input.reason}`,
      });
    } else if (blockChanged && blockEventId !== null && OPEN_STATUSES.includes(m.status)) {
      await notify(tx, {
        userIds: await blockHeadIds(tx, block!.id),
        kind: "assigned",
        messageId: m.id,
        dedupeKey: `event:${blockEventId}`,
        title: `Сообщение № ${m.id} передано в ваш блок`,
        body: input.reason,
      });
    }
    await audit(
      {
        actorId: user.id,
        action: "message_rerouted",
        entity: "message",
        entityId: m.id,
        data: {
          reason: input.reason,
          topic: topicChanged ? { from: m.topic?.code ?? null, to: topic!.code } : null,
          block: blockChanged ? { from: m.block?.code ?? null, to: block!.code } : null,
        },
      },
      tx,
    );
    return { topicChanged, blockChanged, routed: willRoute };
  });
}
