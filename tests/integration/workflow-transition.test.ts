import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { transition } from "@/lib/workflow/transition";
import { notify } from "@/lib/notifications/notify";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, makeMessage, userOf } from "./workflow-support";

beforeAll(async () => {
  await ensureSeeded();
});

const events = (messageId: number) => db().messageEvent.count({ where: { messageId, kind: "status_change" } });

describe("transition()", () => {
  it("refuses a change the state machine does not allow and writes nothing", async () => {
    const m = await makeMessage({ status: "routed" });
    await expectAppError(
      db().$transaction((tx) => transition(tx, { messageId: m.id, from: "routed", to: "answered", actorId: null })),
      "invalid_transition",
      /Нельзя перевести сообщение из статуса «Направлено в блок» в «Ответ отправлен»/,
    );
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("routed");
    expect(await events(m.id)).toBe(0);
  });

  it("refuses a stale starting status with a hint to reload", async () => {
    const m = await makeMessage({ status: "in_work" });
    await expectAppError(
      db().$transaction((tx) => transition(tx, { messageId: m.id, from: "routed", to: "in_work", actorId: null })),
      "invalid_transition",
      /обновите страницу/,
    );
  });

  it("lets exactly one of two concurrent identical changes through", async () => {
    const m = await makeMessage({ status: "routed" });
    const head = await userOf("head_zhkh");
    const go = () =>
      db().$transaction((tx) =>
        transition(tx, { messageId: m.id, from: "routed", to: "in_work", actorId: head.id, reason: "race" }),
      );
    const results = await Promise.allSettled([go(), go()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: "invalid_transition" });
    expect(await events(m.id)).toBe(1);
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("in_work");
  });

  it("records who, from, to, why and data, and notifies the block head of an assignment once", async () => {
    const m = await makeMessage({ status: "new" });
    const coordinator = await userOf("coordinator");
    const head = await userOf("head_zhkh");
    await db().$transaction((tx) =>
      transition(tx, {
        messageId: m.id,
        from: "new",
        to: "routed",
        actorId: coordinator.id,
        reason: "по теме",
        data: { rule: 1 },
      }),
    );
    const e = await db().messageEvent.findFirstOrThrow({ where: { messageId: m.id, kind: "status_change" } });
    expect(e).toMatchObject({
      fromStatus: "new",
      toStatus: "routed",
      actorId: coordinator.id,
      reason: "по теме",
      data: { rule: 1 },
    });
    const n = await db().notification.findMany({ where: { messageId: m.id, kind: "assigned" } });
    expect(n.map((x) => x.userId)).toEqual([head.id]);
  });

  it("notify() sends once per user and dedupe key", async () => {
    const head = await userOf("head_zhkh");
    const key = `test:${Date.now()}`;
    const first = await db().$transaction((tx) =>
      notify(tx, { userIds: [head.id, head.id], kind: "test", title: "t", dedupeKey: key }),
    );
    const again = await db().$transaction((tx) =>
      notify(tx, { userIds: [head.id], kind: "test", title: "t", dedupeKey: key }),
    );
    expect([first, again]).toEqual([1, 0]);
  });
});
