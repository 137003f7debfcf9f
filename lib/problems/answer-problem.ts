import "server-only";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { db, type Tx } from "@/lib/db";
import { AppError, publicMessage } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage, type LoadedMessage } from "@/lib/workflow/guards";
import { transition } from "@/lib/workflow/transition";
import { approvalTarget } from "@/lib/workflow/state-machine";
import { findOrCreateDraft, submittedRounds } from "@/lib/workflow/drafts";
import { dispatchAnswer, type DispatchOptions } from "@/lib/workflow/dispatch-answer";
import { MAX_ANSWER_CHARS } from "@/lib/workflow/save-draft";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { STATUS_LABELS, type StatusCode } from "@/lib/messages/labels";
import type { AnswerOutcome } from "./labels";

const schema = z.object({
  problemId: idSchema,
  text: text({
    max: MAX_ANSWER_CHARS,
    min: 20,
    multiline: true,
    minMessage: "Напишите ответ жителям (не короче 20 символов).",
  }),
});

export type ProblemAnswerReport = { messageId: number; channel: string; outcome: AnswerOutcome; detail: string };

/** Why a message in this status does not get the problem's answer. */
const SKIP_REASONS: Partial<Record<StatusCode, string>> = {
  new: "ещё не направлено в блок",
  returned: "возвращено блоком — сначала направьте его в блок",
  extension_requested: "запрошено продление — сначала примите решение по запросу",
  answer_review: "ответ блока ждёт проверки — проверьте его на странице сообщения",
  awaiting_contact: "одобренный ответ уже ждёт звонка куратора",
  answered: "ответ уже отправлен",
  closed: "сообщение закрыто",
  redirected: "переадресовано",
  rejected: "отклонено",
};

/**
 * «Ответ по проблеме»: one text for every open message of the problem, through the same workflow
 * as a single message. A routed or reopened message is taken into work, the text becomes its next
 * answer round and is approved by the coordinator (this review is recorded like any other); then
 * a ПОС message waits for the curator's logged call («Ждут звонка») and every other message is
 * released through its own channel's dispatch. Each message has its own transaction, so one
 * refusal or one channel failure does not hold back the others; the report says what happened.
 */
export async function answerProblem(
  user: CurrentUser,
  raw: unknown,
  opts: DispatchOptions = {},
): Promise<ProblemAnswerReport[]> {
  assertCan(user, "problem.edit");
  const input = parseInput(schema, raw);
  const problem = await db().problem.findUnique({
    where: { id: input.problemId },
    select: { id: true, mergedIntoId: true },
  });
  if (!problem) throw new AppError("not_found", "Проблема не найдена.");
  if (problem.mergedIntoId)
    throw new AppError("conflict", `Проблема объединена с проблемой № ${problem.mergedIntoId} — отвечайте там.`);
  const members = await db().problemMessage.findMany({
    where: { problemId: problem.id, detachedAt: null },
    orderBy: { messageId: "asc" },
    select: { messageId: true },
  });
  if (!members.length) throw new AppError("conflict", "В проблеме нет сообщений.");

  const report: ProblemAnswerReport[] = [];
  for (const { messageId } of members) {
    let prepared: Prepared;
    try {
      prepared = await db().$transaction((tx) => prepare(tx, user, problem.id, messageId, input.text));
    } catch (e) {
      report.push({ messageId, channel: "", outcome: "skipped", detail: publicMessage(e) });
      continue;
    }
    if (prepared.kind !== "dispatch") {
      report.push({ messageId, channel: prepared.channel, outcome: prepared.kind, detail: prepared.detail });
      continue;
    }
    try {
      const r = await dispatchAnswer(prepared.answerId, user.id, opts);
      report.push(
        r.status === "failed"
          ? { messageId, channel: prepared.channel, outcome: "failed", detail: r.error }
          : { messageId, channel: prepared.channel, outcome: "released", detail: "ответ отправлен заявителю" },
      );
    } catch (e) {
      report.push({ messageId, channel: prepared.channel, outcome: "failed", detail: publicMessage(e) });
    }
  }
  await audit({
    actorId: user.id,
    action: "problem.answer",
    entity: "problem",
    entityId: problem.id,
    data: { report },
  });
  return report;
}

type Prepared =
  | { kind: "skipped" | "awaiting_contact"; channel: string; detail: string }
  | { kind: "dispatch"; channel: string; answerId: number };

async function prepare(
  tx: Tx,
  user: CurrentUser,
  problemId: number,
  messageId: number,
  text: string,
): Promise<Prepared> {
  // The message row is locked so a block head's simultaneous submit cannot interleave.
  await tx.$queryRaw`SELECT id FROM messages WHERE id = ${messageId} FOR UPDATE`;
  const m: LoadedMessage = await loadMessage(tx, user, messageId);
  const skip = SKIP_REASONS[m.status];
  if (skip) return { kind: "skipped", channel: m.channel, detail: `${STATUS_LABELS[m.status]}: ${skip}` };
  const note = `Ответ по проблеме № ${problemId}`;
  if (m.status === "routed" || m.status === "reopened") {
    await transition(tx, {
      messageId,
      from: m.status,
      to: "in_work",
      actorId: user.id,
      reason: `Принято в работу: ${note.toLowerCase()}`,
      data: { problemId },
    });
  }
  const draft = await findOrCreateDraft(tx, messageId, user.id);
  const round = (await submittedRounds(tx, messageId)) + 1;
  await transition(tx, {
    messageId,
    from: "in_work",
    to: "answer_review",
    actorId: user.id,
    reason: `${note} (раунд ${round})`,
    data: { answerId: draft.id, round, problemId },
  });
  const now = new Date();
  await tx.answer.update({
    where: { id: draft.id },
    data: {
      text,
      status: "approved",
      round,
      authorId: user.id,
      submittedAt: now,
      approvedAt: now,
      dispatchError: null,
    },
  });
  await tx.answerReview.create({
    data: { answerId: draft.id, reviewerId: user.id, decision: "approved", comment: note, checklist: [] },
  });
  await audit(
    {
      actorId: user.id,
      action: "answer_approved",
      entity: "answer",
      entityId: draft.id,
      data: { messageId, round, problemId },
    },
    tx,
  );
  if (approvalTarget(m.channel) === "awaiting_contact") {
    await transition(tx, {
      messageId,
      from: "answer_review",
      to: "awaiting_contact",
      actorId: user.id,
      reason: `${note}: одобрен, ждёт звонка куратора`,
      data: { answerId: draft.id, round, problemId },
    });
    return {
      kind: "awaiting_contact",
      channel: m.channel,
      detail: "ответ одобрен; куратор звонит заявителю, затем ответ уходит в ПОС",
    };
  }
  return { kind: "dispatch", channel: m.channel, answerId: draft.id };
}
