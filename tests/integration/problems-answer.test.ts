// «Ответ по проблеме»: one text for every open message, each through its own channel's dispatch;
// ПОС messages still wait for the curator's logged call before the answer leaves.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Simulator } from "@/lib/channels/simulator";
import type { CurrentUser } from "@/lib/auth/session";
import { createProblem } from "@/lib/problems/store";
import { answerProblem } from "@/lib/problems/answer-problem";
import { releaseAnswer } from "@/lib/workflow/release-answer";
import { logContact } from "@/lib/workflow/log-contact";
import { ensureSeeded } from "../support/seeded";
import { simulatorFor } from "../support/ingest-helpers";
import { GOOD_ANSWER, expectAppError, userOf } from "./workflow-support";
import { POTHOLE_A, POTHOLE_B, POTHOLE_C, makePlacedMessage, uniqueLocality } from "./problems-support";

let coordinator: CurrentUser;
let curator: CurrentUser;
const sims: Simulator[] = [];

beforeAll(async () => {
  await ensureSeeded();
  [coordinator, curator] = await Promise.all([userOf("coordinator"), userOf("curator_city")]);
});
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function sim(channel: "pos" | "smls" | "sakhalin" | "incident", seed: number) {
  const s = await simulatorFor(channel, { seed, total: 10 });
  sims.push(s);
  return s;
}

describe("one answer for a problem", () => {
  it("releases non-ПОС messages through their channels, holds ПОС ones for the call, skips the rest with reasons", async () => {
    const [pos, smls, sakhalin] = [await sim("pos", 6101), await sim("smls", 6102), await sim("sakhalin", 6103)];
    const loc = uniqueLocality();
    // roads → block «sez», curated by curator_city.
    const posMsg = await makePlacedMessage({
      text: POTHOLE_A,
      locality: loc,
      channel: "pos",
      status: "in_work",
      externalId: pos.externalIdOf(0),
    });
    const smlsMsg = await makePlacedMessage({
      text: POTHOLE_B,
      locality: loc,
      channel: "smls",
      status: "routed",
      externalId: smls.externalIdOf(0),
    });
    const portalMsg = await makePlacedMessage({
      text: POTHOLE_C,
      locality: loc,
      channel: "sakhalin",
      status: "reopened",
      externalId: sakhalin.externalIdOf(0),
    });
    const reviewMsg = await makePlacedMessage({
      text: POTHOLE_A,
      locality: loc,
      channel: "smls",
      status: "answer_review",
      externalId: smls.externalIdOf(1),
    });
    const closedMsg = await makePlacedMessage({
      text: POTHOLE_B,
      locality: loc,
      channel: "pos",
      status: "closed",
      externalId: pos.externalIdOf(1),
    });
    const all = [posMsg, smlsMsg, portalMsg, reviewMsg, closedMsg];
    const p = await db().$transaction((tx) =>
      createProblem(tx, {
        title: "Яма у дома 12",
        topicId: null,
        locality: loc,
        messageIds: all.map((m) => m.id),
        origin: "manual",
        createdById: coordinator.id,
      }),
    );

    await expectAppError(answerProblem(coordinator, { problemId: p.id, text: "Коротко" }), "invalid_input");
    await expectAppError(answerProblem(curator, { problemId: p.id, text: GOOD_ANSWER }), "forbidden");

    const report = await answerProblem(coordinator, { problemId: p.id, text: GOOD_ANSWER }, { backoffBaseMs: 1 });
    const by = new Map(report.map((r) => [r.messageId, r]));
    expect(report).toHaveLength(5);
    expect(by.get(posMsg.id)?.outcome).toBe("awaiting_contact");
    expect(by.get(smlsMsg.id)?.outcome).toBe("released");
    expect(by.get(portalMsg.id)?.outcome).toBe("released");
    expect(by.get(reviewMsg.id)?.outcome).toBe("skipped");
    expect(by.get(reviewMsg.id)?.detail).toMatch(/ждёт проверки/);
    expect(by.get(closedMsg.id)?.outcome).toBe("skipped");

    const status = async (id: number) =>
      (await db().message.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    expect(await status(posMsg.id)).toBe("awaiting_contact");
    expect(await status(smlsMsg.id)).toBe("answered");
    expect(await status(portalMsg.id)).toBe("answered");
    expect(await status(reviewMsg.id)).toBe("answer_review");
    expect(await status(closedMsg.id)).toBe("closed");
    // Each released message went out through its own channel, with the problem's text.
    expect(smls.receivedAnswers.filter((a) => a.externalId === smlsMsg.externalId).map((a) => a.text)).toEqual([
      GOOD_ANSWER,
    ]);
    expect(sakhalin.receivedAnswers.filter((a) => a.externalId === portalMsg.externalId).map((a) => a.text)).toEqual([
      GOOD_ANSWER,
    ]);
    expect(smls.receivedAnswers.some((a) => a.externalId === reviewMsg.externalId)).toBe(false);
    expect(pos.receivedAnswers).toHaveLength(0);
    // The status path is the usual one, recorded in the history.
    const path = (
      await db().messageEvent.findMany({
        where: { messageId: smlsMsg.id, kind: "status_change" },
        orderBy: { id: "asc" },
      })
    ).map((e) => `${e.fromStatus}>${e.toStatus}`);
    expect(path).toEqual(["routed>in_work", "in_work>answer_review", "answer_review>answered"]);
    const review = await db().answerReview.findFirst({ where: { answer: { messageId: smlsMsg.id } } });
    expect(review?.decision).toBe("approved");
    expect(review?.reviewerId).toBe(coordinator.id);

    // ПОС: no release before the curator's call, then the usual release.
    await expectAppError(releaseAnswer(curator, { messageId: posMsg.id }), "conflict", /без звонка/);
    expect(pos.receivedAnswers).toHaveLength(0);
    await logContact(curator, { messageId: posMsg.id, outcome: "reached" });
    expect((await releaseAnswer(curator, { messageId: posMsg.id }, { backoffBaseMs: 1 })).status).toBe("released");
    expect(await status(posMsg.id)).toBe("answered");
    expect(pos.receivedAnswers.filter((a) => a.externalId === posMsg.externalId).map((a) => a.text)).toEqual([
      GOOD_ANSWER,
    ]);

    // A second press finds nothing left to answer.
    const again = await answerProblem(coordinator, { problemId: p.id, text: GOOD_ANSWER }, { backoffBaseMs: 1 });
    expect(again.filter((r) => r.outcome !== "skipped")).toEqual([]);
    expect(await db().auditLog.count({ where: { action: "problem.answer", entityId: String(p.id) } })).toBe(2);
  });

  it("reports a channel failure per message and keeps that answer approved for the retry job", async () => {
    const smls = await sim("smls", 6201);
    const loc = uniqueLocality();
    const ok = await makePlacedMessage({
      text: POTHOLE_A,
      locality: loc,
      channel: "incident",
      status: "in_work",
      externalId: "missing-in-sim",
    });
    const good = await makePlacedMessage({
      text: POTHOLE_B,
      locality: loc,
      channel: "smls",
      status: "in_work",
      externalId: smls.externalIdOf(0),
    });
    const p = await db().$transaction((tx) =>
      createProblem(tx, {
        title: "Яма",
        topicId: null,
        locality: loc,
        messageIds: [ok.id, good.id],
        origin: "manual",
        createdById: coordinator.id,
      }),
    );
    // The incident channel points to nothing that answers.
    const { baseUrl } = await db().channel.findUniqueOrThrow({ where: { code: "incident" } });
    await db().channel.update({ where: { code: "incident" }, data: { baseUrl: "http://127.0.0.1:9" } });
    const report = await answerProblem(
      coordinator,
      { problemId: p.id, text: GOOD_ANSWER },
      { backoffBaseMs: 1, maxRetries: 0, timeoutMs: 500 },
    ).finally(() => db().channel.update({ where: { code: "incident" }, data: { baseUrl } }));
    const by = new Map(report.map((r) => [r.messageId, r]));
    expect(by.get(good.id)?.outcome).toBe("released");
    expect(by.get(ok.id)?.outcome).toBe("failed");
    const failed = await db().answer.findFirstOrThrow({ where: { messageId: ok.id, status: "approved" } });
    expect(failed.dispatchError).toBe(by.get(ok.id)!.detail);
    expect((await db().message.findUniqueOrThrow({ where: { id: ok.id } })).status).toBe("answer_review");
  });
});
