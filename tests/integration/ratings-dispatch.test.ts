// Ratings flow back from ПОС on a schedule; failed dispatches are retried by the worker's job.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Simulator } from "@/lib/channels/simulator";
import { pullRatings } from "@/lib/jobs/ratings";
import { retryFailedDispatches } from "@/lib/jobs/dispatch-retry";
import { ensureSeeded } from "../support/seeded";
import { simulatorFor } from "../support/ingest-helpers";
import { GOOD_ANSWER, makeMessage, userOf } from "./workflow-support";

let sim: Simulator | null = null;
beforeAll(async () => {
  await ensureSeeded();
});
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe("ratings pull", () => {
  it("closes on satisfaction, reopens on dissatisfaction with a new clock, and a replay changes nothing", async () => {
    sim = await simulatorFor("pos", { seed: 3131, total: 20, autoRate: false });
    await db().setting.deleteMany({ where: { key: "pos_ratings_cursor" } });
    const happy = await makeMessage({
      channel: "pos",
      status: "answered",
      externalId: sim.externalIdOf(0),
      registeredAt: new Date("2026-10-01T01:00:00Z"),
    });
    const unhappy = await makeMessage({
      channel: "pos",
      status: "answered",
      externalId: sim.externalIdOf(1),
      registeredAt: new Date("2026-10-01T01:00:00Z"),
    });
    sim.setRating(sim.externalIdOf(0), 5);
    sim.setRating(sim.externalIdOf(1), { score: 2, satisfied: false, comment: "Ничего не сделано" });
    const r = await pullRatings({ adapter: { backoffBaseMs: 1 } });
    expect(r.applied.closed).toBe(1);
    expect(r.applied.reopened).toBe(1);
    const [a, b] = await Promise.all([
      db().message.findUniqueOrThrow({ where: { id: happy.id } }),
      db().message.findUniqueOrThrow({ where: { id: unhappy.id } }),
    ]);
    expect(a.status).toBe("closed");
    expect(b.status).toBe("reopened");
    expect(b.reopenCount).toBe(1);
    expect(b.dueAt!.getTime()).toBeGreaterThan(Date.now());
    const again = await pullRatings();
    expect(again.applied.closed + again.applied.reopened).toBe(0);
    await db().channel.update({ where: { code: "pos" }, data: { cursor: null } });
    await db().setting.deleteMany({ where: { key: "pos_ratings_cursor" } });
    const replay = await pullRatings();
    expect(replay.applied.duplicate).toBeGreaterThanOrEqual(2);
    expect(await db().rating.count({ where: { messageId: { in: [happy.id, unhappy.id] } } })).toBe(2);
  });
});

describe("dispatch retry job", () => {
  it("retries a failed dispatch after its backoff and releases the answer", async () => {
    sim = await simulatorFor("smls", { seed: 3232, total: 10 });
    const m = await makeMessage({ channel: "smls", status: "answer_review", externalId: sim.externalIdOf(0) });
    const head = await userOf("head_zhkh");
    const answer = await db().answer.create({
      data: {
        messageId: m.id,
        authorId: head.id,
        text: GOOD_ANSWER,
        status: "approved",
        dispatchAttempts: 1,
        dispatchError: "Канал недоступен",
        approvedAt: new Date(),
      },
    });
    // Not yet: the first retry waits a minute after the failed attempt.
    await retryFailedDispatches({ backoffBaseMs: 1 }, new Date());
    expect(await db().answer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({
      status: "approved",
      dispatchAttempts: 1,
    });
    const later = new Date(Date.now() + 2 * 60_000);
    const r = await retryFailedDispatches({ backoffBaseMs: 1 }, later);
    expect(r.released).toBeGreaterThanOrEqual(1);
    expect((await db().answer.findUniqueOrThrow({ where: { id: answer.id } })).status).toBe("released");
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("answered");
    expect(sim.receivedAnswers.some((x) => x.externalId === sim!.externalIdOf(0))).toBe(true);
  });
});
