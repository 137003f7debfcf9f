// rerouteMessage: who may change a message's topic and block, and what each change leaves behind
// (history events with who and why, a training correction, routing through transition(), the new
// block head's notification).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { rerouteMessage } from "@/lib/routing/reroute";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, makeMessage, userOf } from "./workflow-support";

beforeAll(async () => {
  await ensureSeeded();
});

const ids = async () => {
  const [topics, blocks] = await Promise.all([db().topic.findMany(), db().block.findMany()]);
  return {
    topic: (c: string) => topics.find((t) => t.code === c)!.id,
    block: (c: string) => blocks.find((b) => b.code === c)!.id,
  };
};

/** A message the router left for review: no block, a low-confidence topic guess. */
async function reviewMessage() {
  const m = await makeMessage({ block: "zhkh", status: "new" });
  const { topic } = await ids();
  await db().message.update({
    where: { id: m.id },
    data: {
      blockId: null,
      blockSource: "none",
      needsReview: true,
      topicId: topic("other"),
      topicSource: "model",
      topicConfidence: 0.31,
      topicReason: { words: ["двор"], confidence: 0.31, topic: "other" },
    },
  });
  return m.id;
}

describe("rerouteMessage", () => {
  it("only the coordinator and the МЦУ head may reroute", async () => {
    const id = await reviewMessage();
    const { topic } = await ids();
    for (const login of ["head_zhkh", "head_edu", "curator_city", "mcu_curator"]) {
      await expectAppError(
        rerouteMessage(await userOf(login), { messageId: id, topicId: topic("waste"), reason: "Это вывоз мусора" }),
        "forbidden",
      );
    }
    const m = await db().message.findUniqueOrThrow({
      where: { id },
      select: { status: true, blockId: true, needsReview: true },
    });
    expect(m).toEqual({ status: "new", blockId: null, needsReview: true });
    expect(await db().classificationCorrection.count({ where: { messageId: id } })).toBe(0);
  });

  it("requires a reason and something to change", async () => {
    const coordinator = await userOf("coordinator");
    const id = await reviewMessage();
    const { topic } = await ids();
    await expectAppError(
      rerouteMessage(coordinator, { messageId: id, topicId: topic("waste"), reason: "  " }),
      "invalid_input",
      /причину/,
    );
    await expectAppError(rerouteMessage(coordinator, { messageId: id, topicId: topic("waste") }), "invalid_input");
    await expectAppError(
      rerouteMessage(coordinator, { messageId: id, reason: "Просто так" }),
      "invalid_input",
      /тему или блок/,
    );
    await expectAppError(
      rerouteMessage(coordinator, { messageId: 2_000_000_000, topicId: topic("waste"), reason: "Нет такого" }),
      "not_found",
    );
    await expectAppError(
      rerouteMessage(coordinator, { messageId: id, topicId: 999_999, reason: "Нет такой темы" }),
      "invalid_input",
      /темы/,
    );
  });

  it("a topic fix of a message awaiting review routes it to the topic's block, with history, a correction and a notification", async () => {
    const coordinator = await userOf("coordinator");
    const id = await reviewMessage();
    const { topic, block } = await ids();
    const r = await rerouteMessage(coordinator, {
      messageId: id,
      topicId: String(topic("waste")),
      blockId: "",
      reason: "Жалоба на вывоз мусора",
    });
    expect(r).toEqual({ topicChanged: true, blockChanged: true, routed: true });

    const m = await db().message.findUniqueOrThrow({
      where: { id },
      select: {
        status: true,
        topicId: true,
        topicSource: true,
        blockId: true,
        blockSource: true,
        needsReview: true,
        topicReason: true,
        blockReason: true,
      },
    });
    expect(m).toMatchObject({
      status: "routed",
      topicId: topic("waste"),
      topicSource: "manual",
      blockId: block("zhkh"),
      blockSource: "manual",
      needsReview: false,
    });
    expect(m.topicReason).toMatchObject({ by: coordinator.name, reason: "Жалоба на вывоз мусора", previous: "other" });

    const events = await db().messageEvent.findMany({
      where: { messageId: id },
      orderBy: { id: "asc" },
      select: { kind: true, actorId: true, reason: true, data: true, fromStatus: true, toStatus: true },
    });
    expect(events.map((e) => e.kind)).toEqual(["created", "topic_change", "block_change", "status_change"]);
    expect(events[1]).toMatchObject({
      actorId: coordinator.id,
      reason: "Жалоба на вывоз мусора",
      data: { from: "other", to: "waste" },
    });
    expect(events[2]).toMatchObject({ actorId: coordinator.id, data: { from: null, to: "zhkh" } });
    expect(events[3]).toMatchObject({ fromStatus: "new", toStatus: "routed", actorId: coordinator.id });

    const corrections = await db().classificationCorrection.findMany({ where: { messageId: id } });
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({ userId: coordinator.id, fromTopic: "other", toTopic: "waste" });
    expect(corrections[0].text).toContain("не вывозят мусор");

    const head = await userOf("head_zhkh");
    expect(await db().notification.count({ where: { userId: head.id, messageId: id } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "message_rerouted", entityId: String(id) } })).toBe(1);
  });

  it("moving a message in work to another block notifies the new block head; no correction without a topic change", async () => {
    const mcuHead = await userOf("mcu_head");
    const m = await makeMessage({ block: "zhkh", status: "in_work" });
    const { block } = await ids();
    const r = await rerouteMessage(mcuHead, {
      messageId: m.id,
      blockId: block("edu"),
      reason: "Вопрос о школьном дворе — образование",
    });
    expect(r).toEqual({ topicChanged: false, blockChanged: true, routed: false });
    const after = await db().message.findUniqueOrThrow({
      where: { id: m.id },
      select: { status: true, blockId: true, blockSource: true },
    });
    expect(after).toEqual({ status: "in_work", blockId: block("edu"), blockSource: "manual" });
    expect(await db().classificationCorrection.count({ where: { messageId: m.id } })).toBe(0);
    const kinds = (await db().messageEvent.findMany({ where: { messageId: m.id }, select: { kind: true } })).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(["created", "block_change"]);
    const eduHead = await userOf("head_edu");
    const zhkhHead = await userOf("head_zhkh");
    expect(await db().notification.count({ where: { userId: eduHead.id, messageId: m.id } })).toBe(1);
    expect(await db().notification.count({ where: { userId: zhkhHead.id, messageId: m.id } })).toBe(0);
  });

  it("a returned message can be sent back to the same block; nothing to change otherwise is refused", async () => {
    const coordinator = await userOf("coordinator2");
    const m = await makeMessage({ block: "sez", status: "returned" });
    const { block, topic } = await ids();
    const r = await rerouteMessage(coordinator, {
      messageId: m.id,
      blockId: block("sez"),
      reason: "Вопрос всё же ваш: ремонт дороги",
    });
    expect(r).toEqual({ topicChanged: false, blockChanged: false, routed: true });
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id }, select: { status: true } })).status).toBe(
      "routed",
    );
    const current = await db().message.findUniqueOrThrow({ where: { id: m.id }, select: { topicId: true } });
    await expectAppError(
      rerouteMessage(coordinator, {
        messageId: m.id,
        blockId: block("sez"),
        topicId: current.topicId!,
        reason: "Ещё раз",
      }),
      "invalid_input",
      /изменять нечего/,
    );
    // Changing only the topic of a routed message keeps its block and records a correction.
    const other = current.topicId === topic("roads") ? topic("construction") : topic("roads");
    await rerouteMessage(coordinator, { messageId: m.id, topicId: other, reason: "Уточнение темы" });
    const after = await db().message.findUniqueOrThrow({
      where: { id: m.id },
      select: { blockId: true, topicId: true, status: true },
    });
    expect(after).toEqual({ blockId: block("sez"), topicId: other, status: "routed" });
    expect(await db().classificationCorrection.count({ where: { messageId: m.id } })).toBe(1);
  });
});
