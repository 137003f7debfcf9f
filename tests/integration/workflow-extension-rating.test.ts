import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_POLICIES } from "@/lib/deadlines";
import { messageClock } from "@/lib/messages/clock";
import { requestExtension } from "@/lib/workflow/request-extension";
import { decideExtension } from "@/lib/workflow/decide-extension";
import { applyRating } from "@/lib/workflow/apply-rating";
import { acceptMessage } from "@/lib/workflow/accept";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, makeMessage, userOf } from "./workflow-support";

beforeAll(async () => {
  await ensureSeeded();
});

const local = (d: Date | null) => d?.toISOString().slice(0, 10);

describe("extensions", () => {
  it("approval moves the due date by the policy on the production calendar (New Year holidays skipped)", async () => {
    const head = await userOf("head_zhkh");
    const coordinator = await userOf("coordinator");
    // Registered Thu 10 Dec 2026 (Sakhalin): 10 working days → Thu 24 Dec 2026.
    const m = await makeMessage({ status: "in_work", registeredAt: new Date("2026-12-10T02:00:00Z") });
    const before = await db().message.findUniqueOrThrow({ where: { id: m.id } });
    expect(local(before.dueLocalDate)).toBe("2026-12-24");
    await expectAppError(requestExtension(head, { messageId: m.id, reason: "мало" }), "invalid_input");
    await requestExtension(head, { messageId: m.id, reason: "Подрядчик выйдет на объект только после праздников" });
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("extension_requested");
    const { newDueAt } = await decideExtension(coordinator, { messageId: m.id, decision: "approved" });
    const after = await db().message.findUniqueOrThrow({ where: { id: m.id } });
    // +10 working days from 24 Dec: 25, 28, 29, 30 Dec; 31 Dec and 1–10 Jan are days off; 11–15, 18 Jan.
    expect(local(after.dueLocalDate)).toBe("2027-01-18");
    expect(after.dueAt?.toISOString()).toBe("2027-01-18T12:59:59.999Z");
    expect(newDueAt?.toISOString()).toBe(after.dueAt?.toISOString());
    expect(after).toMatchObject({ status: "in_work", extensionCount: 1 });
    const total = after.dueAt!.getTime() - after.registeredAt.getTime();
    expect(Math.abs(after.atRiskAt!.getTime() - (after.dueAt!.getTime() - total * 0.2))).toBeLessThan(2);
    const req = await db().extensionRequest.findFirstOrThrow({ where: { messageId: m.id } });
    expect(req).toMatchObject({
      status: "approved",
      decidedById: coordinator.id,
      previousDueAt: before.dueAt,
      newDueAt: after.dueAt,
    });
    expect(
      await db().notification.count({ where: { userId: head.id, messageId: m.id, kind: "extension_decided" } }),
    ).toBe(1);
    // The regime allows one extension.
    await expectAppError(
      requestExtension(head, { messageId: m.id, reason: "Ещё немного времени, пожалуйста" }),
      "conflict",
      /допускает не более 1/,
    );
  });

  it("denial needs a reason, keeps the due date and returns the message to work", async () => {
    const head = await userOf("head_zhkh");
    const coordinator = await userOf("coordinator");
    const m = await makeMessage({ status: "in_work" });
    await requestExtension(head, { messageId: m.id, reason: "Нужна экспертиза, займёт две недели" });
    await expectAppError(
      decideExtension(coordinator, { messageId: m.id, decision: "denied" }),
      "invalid_input",
      /причину отказа/,
    );
    await decideExtension(coordinator, { messageId: m.id, decision: "denied", comment: "Срок достаточный" });
    const after = await db().message.findUniqueOrThrow({ where: { id: m.id } });
    const original = await makeMessage({ status: "in_work", registeredAt: after.registeredAt });
    expect(after.dueAt).toEqual((await db().message.findUniqueOrThrow({ where: { id: original.id } })).dueAt);
    expect(after).toMatchObject({ status: "in_work", extensionCount: 0 });
    expect(await db().extensionRequest.findFirstOrThrow({ where: { messageId: m.id } })).toMatchObject({
      status: "denied",
      decisionComment: "Срок достаточный",
    });
  });
});

describe("applyRating", () => {
  it("a rating ≤ 3 reopens the message with a new clock, notifies head and curators, and is idempotent", async () => {
    const head = await userOf("head_zhkh");
    const curator = await userOf("curator_city");
    const m = await makeMessage({ status: "answered", registeredAt: new Date("2026-11-02T01:00:00Z") });
    const ratedAt = new Date("2026-12-01T03:00:00Z");
    const input = {
      messageId: m.id,
      value: 2,
      externalRatingId: `r-${m.id}`,
      ratedAt,
      comment: "Ничего не изменилось",
    };
    expect(await db().$transaction((tx) => applyRating(tx, input))).toBe("reopened");
    const after = await db().message.findUniqueOrThrow({ where: { id: m.id } });
    const clock = messageClock(ratedAt, DEFAULT_POLICIES.pos_message);
    expect(after).toMatchObject({
      status: "reopened",
      reopenCount: 1,
      lastRating: 2,
      dueAt: clock.dueAt,
      dueLocalDate: clock.dueLocalDate,
      atRiskAt: clock.atRiskAt,
    });
    expect(local(after.dueLocalDate)).toBe("2026-12-15");
    const notified = await db().notification.findMany({
      where: { messageId: m.id, kind: "reopened" },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([head.id, curator.id].sort());
    // Replaying the same rating changes nothing.
    expect(await db().$transaction((tx) => applyRating(tx, input))).toBe("duplicate");
    expect(await db().rating.count({ where: { messageId: m.id } })).toBe(1);
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).reopenCount).toBe(1);
    // The reopened message goes back to work with the block head.
    await acceptMessage(head, { messageId: m.id });
  });

  it("satisfied closes; «не удовлетворён» without a score reopens a closed message", async () => {
    const m = await makeMessage({ status: "answered" });
    expect(
      await db().$transaction((tx) =>
        applyRating(tx, { messageId: m.id, value: 5, externalRatingId: `a-${m.id}`, ratedAt: new Date() }),
      ),
    ).toBe("closed");
    expect(await db().message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      status: "closed",
      lastRating: 5,
    });
    expect(
      await db().$transaction((tx) =>
        applyRating(tx, { messageId: m.id, satisfied: false, externalRatingId: `b-${m.id}`, ratedAt: new Date() }),
      ),
    ).toBe("reopened");
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("reopened");
  });

  it("a rating of a message not awaiting one is kept without a status change", async () => {
    const m = await makeMessage({ status: "in_work" });
    expect(
      await db().$transaction((tx) =>
        applyRating(tx, { messageId: m.id, value: 1, externalRatingId: `c-${m.id}`, ratedAt: new Date() }),
      ),
    ).toBe("recorded");
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("in_work");
  });
});
