// Every workflow function checks the role itself, and a user acting on a message outside their
// scope gets "not found" (we do not reveal that it exists).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptMessage } from "@/lib/workflow/accept";
import { returnMisrouted } from "@/lib/workflow/return-misrouted";
import { saveDraft } from "@/lib/workflow/save-draft";
import { submitAnswer } from "@/lib/workflow/submit-answer";
import { requestExtension } from "@/lib/workflow/request-extension";
import { reviewAnswer } from "@/lib/workflow/review-answer";
import { decideExtension } from "@/lib/workflow/decide-extension";
import { logContact } from "@/lib/workflow/log-contact";
import { releaseAnswer } from "@/lib/workflow/release-answer";
import { listAwaitingCalls } from "@/lib/workflow/list-awaiting-calls";
import { ensureSeeded } from "../support/seeded";
import { GOOD_ANSWER, expectAppError, makeMessage, userOf } from "./workflow-support";

beforeAll(async () => {
  await ensureSeeded();
});

describe("role and block checks", () => {
  it("a block head acting on another block's message gets not_found for every action", async () => {
    const edu = await userOf("head_edu");
    const routed = await makeMessage({ block: "zhkh", status: "routed" });
    const inWork = await makeMessage({ block: "zhkh", status: "in_work" });
    await expectAppError(acceptMessage(edu, { messageId: routed.id }), "not_found");
    await expectAppError(returnMisrouted(edu, { messageId: routed.id, reason: "Не наш вопрос, это ЖКХ" }), "not_found");
    await expectAppError(saveDraft(edu, { messageId: inWork.id, text: "x" }), "not_found");
    await expectAppError(submitAnswer(edu, { messageId: inWork.id, text: GOOD_ANSWER }), "not_found");
    await expectAppError(
      requestExtension(edu, { messageId: inWork.id, reason: "Нужно больше времени на работы" }),
      "not_found",
    );
    const after = await db().message.findMany({
      where: { id: { in: [routed.id, inWork.id] } },
      select: { status: true },
      orderBy: { id: "asc" },
    });
    expect(after.map((m) => m.status)).toEqual(["routed", "in_work"]);
    expect(await db().answer.count({ where: { messageId: inWork.id } })).toBe(0);
  });

  it("roles other than the block head cannot take block-head actions", async () => {
    const m = await makeMessage({ status: "routed" });
    for (const login of ["coordinator", "curator_city", "mcu_head", "mcu_curator"]) {
      await expectAppError(acceptMessage(await userOf(login), { messageId: m.id }), "forbidden");
    }
  });

  it("only coordinators review answers and decide extensions", async () => {
    const m = await makeMessage({ status: "answer_review" });
    for (const login of ["head_zhkh", "curator_city", "mcu_curator"]) {
      await expectAppError(reviewAnswer(await userOf(login), { messageId: m.id, decision: "approved" }), "forbidden");
      await expectAppError(
        decideExtension(await userOf(login), { messageId: m.id, decision: "approved" }),
        "forbidden",
      );
    }
  });

  it("a curator of other blocks gets not_found; a block head cannot log calls or release", async () => {
    const m = await makeMessage({ block: "zhkh", status: "awaiting_contact" });
    const social = await userOf("curator_social");
    await expectAppError(logContact(social, { messageId: m.id, outcome: "reached" }), "not_found");
    await expectAppError(releaseAnswer(social, { messageId: m.id }), "not_found");
    await expectAppError(logContact(await userOf("head_zhkh"), { messageId: m.id, outcome: "reached" }), "forbidden");
    await expectAppError(releaseAnswer(await userOf("head_zhkh"), { messageId: m.id }), "forbidden");
    expect((await listAwaitingCalls(social)).some((r) => r.id === m.id)).toBe(false);
  });

  it("refused changes come with a clear Russian message", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "answer_review" });
    await expectAppError(
      acceptMessage(head, { messageId: m.id }),
      "invalid_transition",
      /Нельзя перевести сообщение из статуса «На проверке» в «В работе»/,
    );
    await expectAppError(
      returnMisrouted(head, { messageId: m.id, reason: "коротко" }),
      "invalid_input",
      /не короче 10 символов/,
    );
    await expectAppError(acceptMessage(head, { messageId: "abc" }), "invalid_input");
  });
});
