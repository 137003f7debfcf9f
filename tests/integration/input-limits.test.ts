// Bad input that used to reach PostgreSQL and come back as «Что-то пошло не так»: a NUL in a text
// (error 22021), a number past int4 (1e10), a text over the limit. Each is now cleaned or refused
// in words by the data function's schema, and a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { DEFAULT_POLICIES } from "@/lib/deadlines";
import { updatePolicy } from "@/lib/admin/policies";
import { saveRule } from "@/lib/admin/routing";
import { acceptMessage } from "@/lib/workflow/accept";
import { saveDraft } from "@/lib/workflow/save-draft";
import { submitAnswer } from "@/lib/workflow/submit-answer";
import { returnMisrouted } from "@/lib/workflow/return-misrouted";
import { TEXT_LIMITS, tooLongMessage } from "@/lib/validation/text";
import { ensureSeeded } from "../support/seeded";
import { GOOD_ANSWER, expectAppError, makeMessage, userOf } from "./workflow-support";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const orig = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...orig, authorize: async () => session.user! };
});

beforeAll(async () => {
  await ensureSeeded();
});

afterAll(async () => {
  const p = DEFAULT_POLICIES.pos_message;
  await db().deadlinePolicy.update({ where: { regime: "pos_message" }, data: { maxExtensions: p.maxExtensions } });
});

// The default ПОС policy as the form sends it: a successful save changes only «Число продлений»,
// never the terms, because other test files compute ПОС deadlines against the same database.
const pos = DEFAULT_POLICIES.pos_message;
const policyForm = (over: Record<string, string>) => ({
  regime: "pos_message",
  answerDays: String(pos.answerDays),
  answerUnit: pos.answerUnit,
  firstReactionDays: "",
  firstReactionUnit: "",
  extensionDays: String(pos.extensionDays),
  extensionUnit: pos.extensionUnit,
  maxExtensions: String(pos.maxExtensions),
  atRiskPercent: String(Math.round(pos.atRiskShare * 100)),
  ...over,
});

describe("deadline policy numbers have ranges", () => {
  it("«Число продлений» = 1e10 is refused in Russian and nothing is saved", async () => {
    session.user = await userOf("mcu_head");
    const before = await db().deadlinePolicy.findUniqueOrThrow({ where: { regime: "pos_message" } });
    const e = await expectAppError(
      updatePolicy(policyForm({ maxExtensions: "1e10" })),
      "invalid_input",
      /^Число продлений: целое число от 0 до 10\.$/,
    );
    expect((e as unknown as { details: Record<string, string[]> }).details.maxExtensions).toEqual([
      "Число продлений: целое число от 0 до 10.",
    ]);
    const after = await db().deadlinePolicy.findUniqueOrThrow({ where: { regime: "pos_message" } });
    expect(after).toEqual(before);
  });
  it("days past 366, int4 overflow and words are refused with the range", async () => {
    session.user = await userOf("mcu_head");
    await expectAppError(
      updatePolicy(policyForm({ answerDays: "3000000000" })),
      "invalid_input",
      /Срок ответа: целое число от 1 до 366/,
    );
    await expectAppError(
      updatePolicy(policyForm({ extensionDays: "много" })),
      "invalid_input",
      /Срок продления: целое число от 1 до 366/,
    );
    await expectAppError(
      updatePolicy(policyForm({ atRiskPercent: "1e10" })),
      "invalid_input",
      /Доля «под угрозой», %: число от 1 до 99/,
    );
    expect((await updatePolicy(policyForm({ maxExtensions: "10" }))).maxExtensions).toBe(10);
  });
  it("a routing rule's priority past int4 is refused in words", async () => {
    session.user = await userOf("mcu_head");
    const block = await db().block.findFirstOrThrow({ select: { id: true } });
    await expectAppError(
      saveRule({ name: "Проверка", keywords: "яма", blockId: String(block.id), priority: "1e10" }),
      "invalid_input",
      /Приоритет: целое число от 1 до 100/,
    );
  });
});

describe("answer text", () => {
  it("a NUL and other control characters are dropped, not sent to PostgreSQL", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "routed" });
    await acceptMessage(head, { messageId: m.id });
    const { answerId } = await saveDraft(head, {
      messageId: m.id,
      text: `Черновик\u0000 с NUL\u0007\r\nвторая строка`,
    });
    expect((await db().answer.findUniqueOrThrow({ where: { id: answerId } })).text).toBe(
      "Черновик с NUL\nвторая строка",
    );
    await submitAnswer(head, { messageId: m.id, text: `${GOOD_ANSWER}\u0000` });
    expect((await db().answer.findUniqueOrThrow({ where: { id: answerId } })).text).toBe(GOOD_ANSWER);
  });
  it("a text over the limit is refused with «Не больше N символов.» and the draft is unchanged", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "routed" });
    await acceptMessage(head, { messageId: m.id });
    const { answerId } = await saveDraft(head, { messageId: m.id, text: "Первый черновик" });
    await expectAppError(
      saveDraft(head, { messageId: m.id, text: "я".repeat(TEXT_LIMITS.answer + 1) }),
      "invalid_input",
      new RegExp(`^${tooLongMessage(TEXT_LIMITS.answer)}$`),
    );
    expect((await db().answer.findUniqueOrThrow({ where: { id: answerId } })).text).toBe("Первый черновик");
  });
  it("a reason of only control characters counts as empty", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "routed" });
    await expectAppError(
      returnMisrouted(head, { messageId: m.id, reason: "\u0000".repeat(20) }),
      "invalid_input",
      /не короче 10 символов/,
    );
  });
});
