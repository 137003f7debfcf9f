// Who is told about which status change. Kept next to transition() so every path that changes a
// status (the desk, ingest re-routing, the rating job) notifies the same people. The dedupe key
// is the history event, so one change notifies each person once.
import type { Tx } from "@/lib/db";
import type { StatusCode } from "@/lib/messages/labels";
import { notify } from "@/lib/notifications/notify";
import { blockCuratorIds, blockHeadIds, coordinatorIds } from "@/lib/notifications/recipients";

type Ctx = { messageId: number; from: StatusCode; to: StatusCode; reason: string | null; eventId: bigint };
type Who = "heads" | "curators" | "coordinators";
type Rule = { who: Who[]; kind: string; title: (n: number) => string };

function ruleFor(from: StatusCode, to: StatusCode): Rule | null {
  if (to === "routed")
    return { who: ["heads"], kind: "assigned", title: (n) => `Новое сообщение № ${n} направлено в ваш блок` };
  if (to === "returned")
    return {
      who: ["coordinators"],
      kind: "returned",
      title: (n) => `Блок вернул сообщение № ${n} как ошибочно направленное`,
    };
  if (from === "answer_review" && to === "in_work")
    return {
      who: ["heads"],
      kind: "answer_returned",
      title: (n) => `Ответ на сообщение № ${n} возвращён на доработку`,
    };
  if (to === "awaiting_contact")
    return {
      who: ["heads"],
      kind: "answer_approved",
      title: (n) => `Ответ на сообщение № ${n} одобрен и ждёт звонка куратора`,
    };
  if (to === "answered")
    return { who: ["heads"], kind: "answer_released", title: (n) => `Ответ на сообщение № ${n} отправлен заявителю` };
  if (to === "extension_requested")
    return {
      who: ["coordinators"],
      kind: "extension_requested",
      title: (n) => `Запрошено продление срока по сообщению № ${n}`,
    };
  if (from === "extension_requested")
    return { who: ["heads"], kind: "extension_decided", title: (n) => `Решение по продлению срока сообщения № ${n}` };
  if (to === "reopened")
    return {
      who: ["heads", "curators"],
      kind: "reopened",
      title: (n) => `Сообщение № ${n} открыто повторно: заявитель не удовлетворён ответом`,
    };
  return null;
}

export async function notifyForTransition(tx: Tx, ctx: Ctx): Promise<void> {
  const rule = ruleFor(ctx.from, ctx.to);
  const callDue = ctx.to === "awaiting_contact";
  if (!rule && !callDue) return;
  const m = await tx.message.findUnique({ where: { id: ctx.messageId }, select: { blockId: true } });
  const blockId = m?.blockId ?? null;
  if (rule) {
    const ids: number[] = [];
    if (rule.who.includes("heads")) ids.push(...(await blockHeadIds(tx, blockId)));
    if (rule.who.includes("curators")) ids.push(...(await blockCuratorIds(tx, blockId)));
    if (rule.who.includes("coordinators")) ids.push(...(await coordinatorIds(tx)));
    await notify(tx, {
      userIds: ids,
      kind: rule.kind,
      title: rule.title(ctx.messageId),
      body: ctx.reason,
      messageId: ctx.messageId,
      dedupeKey: `event:${ctx.eventId}`,
    });
  }
  if (callDue) {
    // ПОС: the curator must phone the resident before the answer goes out.
    await notify(tx, {
      userIds: await blockCuratorIds(tx, blockId),
      kind: "call_due",
      messageId: ctx.messageId,
      dedupeKey: `call:${ctx.eventId}`,
      title: `Позвоните заявителю по сообщению № ${ctx.messageId}: ответ одобрен`,
      body: "Зафиксируйте звонок, после этого ответ можно отправить.",
    });
  }
}
