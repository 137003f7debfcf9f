// The answer's way from the block head through review rounds, the curator's call and release to
// a real ПОС simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startSimulator, type Simulator } from "@/lib/channels/simulator";
import { acceptMessage } from "@/lib/workflow/accept";
import { saveDraft } from "@/lib/workflow/save-draft";
import { submitAnswer } from "@/lib/workflow/submit-answer";
import { reviewAnswer } from "@/lib/workflow/review-answer";
import { logContact } from "@/lib/workflow/log-contact";
import { releaseAnswer } from "@/lib/workflow/release-answer";
import { dispatchAnswer } from "@/lib/workflow/dispatch-answer";
import { returnMisrouted } from "@/lib/workflow/return-misrouted";
import { listAwaitingCalls } from "@/lib/workflow/list-awaiting-calls";
import { getMessageWorkflow } from "@/lib/workflow/message-workflow";
import { ensureSeeded } from "../support/seeded";
import { GOOD_ANSWER, expectAppError, makeMessage, userOf } from "./workflow-support";

let pos: Simulator;
let incident: Simulator;
let saved: { code: "pos" | "incident"; baseUrl: string | null }[] = [];
let next = 0;
const FAST = { maxRetries: 0, timeoutMs: 3000, backoffBaseMs: 1 };

beforeAll(async () => {
  await ensureSeeded();
  pos = await startSimulator({ channel: "pos", seed: 7, total: 100, autoRate: false });
  incident = await startSimulator({ channel: "incident", seed: 7, total: 100 });
  saved = (await db().channel.findMany({
    where: { code: { in: ["pos", "incident"] } },
    select: { code: true, baseUrl: true },
  })) as typeof saved;
  await db().channel.update({ where: { code: "pos" }, data: { baseUrl: pos.url } });
  await db().channel.update({ where: { code: "incident" }, data: { baseUrl: incident.url } });
});

afterAll(async () => {
  for (const c of saved) await db().channel.update({ where: { code: c.code }, data: { baseUrl: c.baseUrl } });
  await pos?.close();
  await incident?.close();
});

/** A ПОС message the simulator knows, already in work for head_zhkh. */
async function posInWork() {
  return makeMessage({ channel: "pos", status: "in_work", externalId: pos.externalIdOf(next++) });
}

async function toApproved(messageId: number) {
  const head = await userOf("head_zhkh");
  const coordinator = await userOf("coordinator");
  await submitAnswer(head, { messageId, text: GOOD_ANSWER });
  await reviewAnswer(coordinator, { messageId, decision: "approved" });
}

describe("answer rounds and review", () => {
  it("accept → draft → submit → return with checklist → resubmit → approve; every round and review is kept", async () => {
    const head = await userOf("head_zhkh");
    const coordinator = await userOf("coordinator");
    const curator = await userOf("curator_city");
    const m = await makeMessage({ channel: "pos", status: "routed", externalId: pos.externalIdOf(next++) });
    await acceptMessage(head, { messageId: m.id });
    const { answerId: draftId } = await saveDraft(head, { messageId: m.id, text: "Черновик", templateCode: "waste" });
    expect((await saveDraft(head, { messageId: m.id, text: "Черновик 2" })).answerId).toBe(draftId);
    const r1 = await submitAnswer(head, {
      messageId: m.id,
      text: "Ваше обращение рассмотрено, информация принята к сведению.",
    });
    expect(r1).toEqual({ answerId: draftId, round: 1 });
    const ev = await db().messageEvent.findFirstOrThrow({ where: { messageId: m.id, toStatus: "answer_review" } });
    expect((ev.data as { warnings: string[] }).warnings).toEqual(
      expect.arrayContaining(["too_short", "no_dates", "boilerplate"]),
    );

    await expectAppError(
      reviewAnswer(coordinator, { messageId: m.id, decision: "returned" }),
      "invalid_input",
      /отметьте пункт/,
    );
    await reviewAnswer(coordinator, {
      messageId: m.id,
      decision: "returned",
      checklist: ["formal", "no_dates"],
      comment: "Укажите сроки вывоза.",
    });
    const back = await db().message.findUniqueOrThrow({ where: { id: m.id } });
    expect(back.status).toBe("in_work");
    const wf = await getMessageWorkflow(head, m.id);
    expect(wf.draft?.text).toBe("Ваше обращение рассмотрено, информация принята к сведению.");
    expect(wf.draft?.round).toBe(2);
    expect(wf.actions).toEqual(["edit_answer", "request_extension", "return_misrouted"]);

    const r2 = await submitAnswer(head, { messageId: m.id, text: GOOD_ANSWER });
    expect(r2.round).toBe(2);
    await reviewAnswer(coordinator, { messageId: m.id, decision: "approved", comment: "Хорошо" });
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("awaiting_contact");

    const answers = await db().answer.findMany({
      where: { messageId: m.id },
      orderBy: { round: "asc" },
      include: { reviews: true },
    });
    expect(answers.map((a) => [a.round, a.status])).toEqual([
      [1, "returned"],
      [2, "approved"],
    ]);
    expect(answers[0].reviews).toMatchObject([
      { decision: "returned", checklist: ["formal", "no_dates"], comment: "Укажите сроки вывоза." },
    ]);
    expect(answers[1].reviews).toMatchObject([{ decision: "approved" }]);

    const kinds = async (userId: number) =>
      (await db().notification.findMany({ where: { userId, messageId: m.id } })).map((n) => n.kind).sort();
    expect(await kinds(head.id)).toEqual(["answer_approved", "answer_returned"]);
    expect(await kinds(curator.id)).toEqual(["call_due"]);
    expect((await listAwaitingCalls(curator)).some((r) => r.id === m.id)).toBe(true);
    expect((await getMessageWorkflow(curator, m.id)).actions).toEqual(["log_contact", "release"]);
  });

  it("two simultaneous first saves make one draft", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "in_work" });
    const [a, b] = await Promise.all([
      saveDraft(head, { messageId: m.id, text: "один" }),
      saveDraft(head, { messageId: m.id, text: "два" }),
    ]);
    expect(a.answerId).toBe(b.answerId);
    expect(await db().answer.count({ where: { messageId: m.id } })).toBe(1);
  });

  it("returning a misrouted message needs a reason and notifies coordinators", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "routed" });
    await returnMisrouted(head, { messageId: m.id, reason: "Это вопрос дорожной службы (СЕЗ)" });
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("returned");
    const coordinators = await db().user.count({ where: { role: "coordinator", active: true } });
    expect(await db().notification.count({ where: { messageId: m.id, kind: "returned" } })).toBe(coordinators);
  });
});

describe("release of a ПОС answer", () => {
  it("is refused by the server without a logged call, then goes to the simulator once and is idempotent", async () => {
    const curator = await userOf("curator_city");
    const m = await posInWork();
    await toApproved(m.id);
    await expectAppError(releaseAnswer(curator, { messageId: m.id }, FAST), "conflict", /без звонка заявителю/);
    const answer = await db().answer.findFirstOrThrow({ where: { messageId: m.id, status: "approved" } });
    await expectAppError(dispatchAnswer(answer.id, null, FAST), "conflict", /без звонка/);
    expect(pos.receivedAnswers.filter((a) => a.externalId === m.externalId)).toHaveLength(0);

    await logContact(curator, {
      messageId: m.id,
      outcome: "no_answer",
      notes: "Не берёт трубку",
      durationMin: "",
      nextAttemptAt: "2099-01-10T10:00",
    });
    const c = await db().contactAttempt.findFirstOrThrow({ where: { messageId: m.id } });
    expect(c.nextAttemptAt?.toISOString()).toBe("2099-01-09T23:00:00.000Z"); // 10:00 Sakhalin = 23:00 UTC
    expect(c.answerId).toBe(answer.id);

    expect(await releaseAnswer(curator, { messageId: m.id }, FAST)).toEqual({ status: "released" });
    const after = await db().message.findUniqueOrThrow({ where: { id: m.id }, include: { answers: true } });
    expect(after.status).toBe("answered");
    expect(after.answeredAt).not.toBeNull();
    expect(after.answers.find((a) => a.id === answer.id)).toMatchObject({
      status: "released",
      dispatchAttempts: 1,
      dispatchError: null,
    });
    expect(await releaseAnswer(curator, { messageId: m.id }, FAST)).toEqual({ status: "already_released" });
    const got = pos.receivedAnswers.filter((a) => a.externalId === m.externalId);
    expect(got).toHaveLength(1);
    expect(got[0].text).toBe(GOOD_ANSWER);
    expect(await db().messageEvent.count({ where: { messageId: m.id, toStatus: "answered" } })).toBe(1);
    const head = await userOf("head_zhkh");
    expect(
      await db().notification.count({ where: { userId: head.id, messageId: m.id, kind: "answer_released" } }),
    ).toBe(1);
  });

  it("a failed dispatch keeps the answer approved with the error, and a retry succeeds", async () => {
    const curator = await userOf("curator_city");
    const m = await posInWork();
    await toApproved(m.id);
    await logContact(curator, { messageId: m.id, outcome: "reached" });
    pos.failNextAnswers(1);
    await expectAppError(
      releaseAnswer(curator, { messageId: m.id }, FAST),
      "conflict",
      /Не удалось отправить ответ в канал «ПОС «Решаем вместе»»: сервер канала вернул ошибку 503/,
    );
    const failed = await db().answer.findFirstOrThrow({ where: { messageId: m.id, round: 1 } });
    expect(failed).toMatchObject({ status: "approved", dispatchAttempts: 1 });
    expect(failed.dispatchError).toMatch(/503/);
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("awaiting_contact");
    expect(await releaseAnswer(curator, { messageId: m.id }, FAST)).toEqual({ status: "released" });
    expect(await db().answer.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "released",
      dispatchAttempts: 2,
      dispatchError: null,
    });
    expect(pos.receivedAnswers.filter((a) => a.externalId === m.externalId)).toHaveLength(1);
  });

  it("two simultaneous releases send one answer and change the status once", async () => {
    const curator = await userOf("curator_city");
    const coordinator = await userOf("coordinator");
    const m = await posInWork();
    await toApproved(m.id);
    await logContact(curator, { messageId: m.id, outcome: "reached" });
    const results = await Promise.allSettled([
      releaseAnswer(curator, { messageId: m.id }, FAST),
      releaseAnswer(coordinator, { messageId: m.id }, FAST),
    ]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(results.map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status).sort()).toEqual([
      "already_released",
      "released",
    ]);
    expect(pos.receivedAnswers.filter((a) => a.externalId === m.externalId)).toHaveLength(1);
    expect(await db().messageEvent.count({ where: { messageId: m.id, toStatus: "answered" } })).toBe(1);
  });
});

describe("non-ПОС answers", () => {
  it("are released straight after approval, without a call", async () => {
    const m = await makeMessage({ channel: "incident", status: "in_work", externalId: incident.externalIdOf(0) });
    await toApproved(m.id);
    const after = await db().message.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.status).toBe("answer_review"); // reviewAnswer leaves dispatch to the caller
    expect(
      await dispatchAnswer((await db().answer.findFirstOrThrow({ where: { messageId: m.id } })).id, null, FAST),
    ).toEqual({ status: "released" });
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("answered");
    expect(incident.receivedAnswers).toHaveLength(1);
  });
});
