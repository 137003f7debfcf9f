import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db, type Tx } from "@/lib/db";
import { audit } from "@/lib/audit";
import { AppError, publicMessage } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { messageScope } from "@/lib/messages/scope";
import { STATUS_LABELS, type StatusCode } from "@/lib/messages/labels";
import { transition } from "@/lib/workflow/transition";
import { assertCan } from "@/lib/auth/guards";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { canTransition } from "@/lib/workflow/state-machine";
import { clearPresetCountCache } from "./preset-cache";

const ids = z
  .array(idSchema, { error: "Выберите сообщения." })
  .min(1, "Выберите хотя бы одно сообщение.")
  .max(500, "Не больше 500 сообщений за раз.");

const schema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("route"), ids, blockId: idSchema }),
    z.object({ action: z.literal("topic"), ids, topicId: idSchema }),
    z.object({
      action: z.literal("duplicate"),
      ids,
      originalId: z.preprocess((v) => (typeof v === "string" ? v.replace(/[№#\s]/g, "") : v), idSchema),
    }),
    z.object({
      action: z.literal("spam"),
      ids,
      reason: text({
        max: TEXT_LIMITS.reason,
        min: 3,
        multiline: true,
        minMessage: "Укажите причину (не короче 3 символов).",
        requiredMessage: "Укажите причину.",
      }),
    }),
  ],
  { error: "Неизвестное действие." },
);
export type BulkInput = z.input<typeof schema>;

export type BulkResult = { done: number[]; skipped: { id: number; reason: string }[]; summary: string };

/** Statuses from which a message may be (re)routed by the coordinator. */
const ROUTABLE: StatusCode[] = ["new", "returned", "routed"];

/**
 * Bulk actions of the coordinator's queue. Each message gets its own transaction, so one refused
 * or failing message does not block the rest; refusals come back as reasons in Russian.
 */
export async function bulkAction(user: CurrentUser, raw: unknown): Promise<BulkResult> {
  assertCan(user, "queue.bulk");
  const input = parseInput(schema, raw);
  const unique = [...new Set(input.ids)];
  let perMessage: (tx: Tx, id: number) => Promise<void>;

  switch (input.action) {
    case "route": {
      const block = await db().block.findUnique({
        where: { id: input.blockId },
        select: { id: true, code: true, name: true },
      });
      if (!block) throw new AppError("invalid_input", "Такого блока нет.");
      perMessage = async (tx, id) => {
        const m = await load(tx, user, id);
        if (!ROUTABLE.includes(m.status))
          throw new AppError("invalid_transition", `статус «${STATUS_LABELS[m.status]}» — направить нельзя`);
        const reason = `Направлено в блок «${block.name}» (массовое действие)`;
        if (m.blockId !== block.id) {
          await tx.message.update({
            where: { id },
            data: {
              blockId: block.id,
              blockSource: "manual",
              needsReview: false,
              blockReason: {
                by: user.name,
                byId: user.id,
                reason,
                at: new Date().toISOString(),
                previous: m.block?.code ?? null,
              },
            },
          });
          await tx.messageEvent.create({
            data: {
              messageId: id,
              kind: "block_change",
              actorId: user.id,
              reason,
              data: { from: m.block?.code ?? null, to: block.code },
            },
          });
        } else if (m.needsReview) {
          await tx.message.update({ where: { id }, data: { needsReview: false } });
        }
        await transition(tx, { messageId: id, from: m.status, to: "routed", actorId: user.id, reason });
      };
      break;
    }
    case "topic": {
      const topic = await db().topic.findUnique({
        where: { id: input.topicId },
        select: { id: true, code: true, name: true },
      });
      if (!topic) throw new AppError("invalid_input", "Такой темы нет.");
      perMessage = async (tx, id) => {
        const m = await load(tx, user, id);
        if (m.topicId === topic.id) throw new AppError("invalid_input", "тема уже такая");
        const reason = `Тема изменена на «${topic.name}» (массовое действие)`;
        await tx.message.update({
          where: { id },
          data: {
            topicId: topic.id,
            topicSource: "manual",
            topicConfidence: null,
            topicReason: {
              by: user.name,
              byId: user.id,
              reason,
              at: new Date().toISOString(),
              previous: m.topic?.code ?? null,
            },
          },
        });
        await tx.messageEvent.create({
          data: {
            messageId: id,
            kind: "topic_change",
            actorId: user.id,
            reason,
            data: { from: m.topic?.code ?? null, to: topic.code },
          },
        });
        await tx.classificationCorrection.create({
          data: {
            messageId: id,
            userId: user.id,
            text: m.title ? `${m.title}\n${m.textClean}` : m.textClean,
            fromTopic: m.topic?.code ?? null,
            toTopic: topic.code,
          },
        });
      };
      break;
    }
    case "duplicate": {
      const original = await db().message.findFirst({
        where: { AND: [{ id: input.originalId }, messageScope(user)] },
        select: { id: true },
      });
      if (!original) throw new AppError("invalid_input", `Сообщение № ${input.originalId} не найдено.`);
      perMessage = async (tx, id) => {
        if (id === original.id) throw new AppError("invalid_input", "это и есть исходное сообщение");
        const m = await load(tx, user, id);
        if (!canTransition(m.status, "rejected"))
          throw new AppError("invalid_transition", `статус «${STATUS_LABELS[m.status]}» — отклонить нельзя`);
        await tx.messageLink.upsert({
          where: { fromId_toId_kind: { fromId: id, toId: original.id, kind: "duplicate" } },
          update: {},
          create: { fromId: id, toId: original.id, kind: "duplicate", createdById: user.id },
        });
        await tx.message.update({ where: { id }, data: { duplicateOfId: original.id, needsReview: false } });
        await transition(tx, {
          messageId: id,
          from: m.status,
          to: "rejected",
          actorId: user.id,
          reason: `Дубликат № ${original.id}`,
          data: { duplicateOf: original.id },
        });
      };
      break;
    }
    case "spam": {
      const reason = input.reason;
      perMessage = async (tx, id) => {
        const m = await load(tx, user, id);
        if (!canTransition(m.status, "rejected"))
          throw new AppError("invalid_transition", `статус «${STATUS_LABELS[m.status]}» — отклонить нельзя`);
        await transition(tx, {
          messageId: id,
          from: m.status,
          to: "rejected",
          actorId: user.id,
          reason: `Спам: ${reason}`,
          extra: { needsReview: false },
        });
      };
      break;
    }
  }

  const done: number[] = [];
  const skipped: { id: number; reason: string }[] = [];
  for (const id of unique) {
    try {
      await db().$transaction(async (tx) => {
        await perMessage(tx, id);
        await audit({ actorId: user.id, action: `queue_bulk_${input.action}`, entity: "message", entityId: id }, tx);
      });
      done.push(id);
    } catch (e) {
      if (!(e instanceof AppError)) console.error(`bulk ${input.action} of message ${id} failed`, e);
      skipped.push({ id, reason: e instanceof AppError ? e.message : publicMessage(e) });
    }
  }
  if (done.length) clearPresetCountCache();
  return { done, skipped, summary: summarize(done.length, skipped) };
}

async function load(tx: Tx, user: CurrentUser, id: number) {
  const m = await tx.message.findFirst({
    where: { AND: [{ id }, messageScope(user)] },
    select: {
      id: true,
      status: true,
      title: true,
      textClean: true,
      topicId: true,
      blockId: true,
      needsReview: true,
      topic: { select: { code: true } },
      block: { select: { code: true } },
    },
  });
  if (!m) throw new AppError("not_found", "сообщение не найдено");
  return m;
}

/** «Выполнено: 18, пропущено: 2 (статус «В работе» — направить нельзя: № 5, № 9)». */
export function summarize(done: number, skipped: { id: number; reason: string }[]): string {
  const head = `Выполнено: ${done}, пропущено: ${skipped.length}`;
  if (!skipped.length) return `${head}.`;
  const byReason = new Map<string, number[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.id]);
  const parts = [...byReason].map(
    ([reason, list]) =>
      `${reason}: ${list
        .slice(0, 10)
        .map((i) => `№ ${i}`)
        .join(", ")}${list.length > 10 ? ` и ещё ${list.length - 10}` : ""}`,
  );
  return `${head} (${parts.join("; ")}).`;
}
