import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { extendByPolicy, localDateOf } from "@/lib/deadlines";
import { messageScope } from "@/lib/messages/scope";
import { availableActions } from "./available-actions";
import { answerWarnings } from "./answer-quality";
import { loadPolicy } from "./policy";
import { templateForTopic } from "./templates";
import { seesPersonalData, textFor } from "@/lib/privacy/viewer";

const person = { select: { fullName: true } } as const;

/** Everything the message page needs for the workflow: answers with their review rounds,
 * calls, extension requests, and the actions this user may take now. */
export async function getMessageWorkflow(user: CurrentUser, messageId: number) {
  const m = await db().message.findFirst({
    where: { AND: [{ id: messageId }, messageScope(user)] },
    select: {
      id: true,
      status: true,
      channel: true,
      regime: true,
      dueAt: true,
      dueLocalDate: true,
      extensionCount: true,
      topic: { select: { code: true } },
      answers: {
        orderBy: [{ round: "asc" }, { id: "asc" }],
        select: {
          id: true,
          round: true,
          status: true,
          text: true,
          templateCode: true,
          submittedAt: true,
          approvedAt: true,
          releasedAt: true,
          dispatchAttempts: true,
          dispatchError: true,
          author: person,
          reviews: {
            orderBy: { id: "asc" },
            select: { id: true, decision: true, comment: true, checklist: true, createdAt: true, reviewer: person },
          },
          attachments: { orderBy: { id: "asc" }, select: { id: true, fileName: true, size: true, mime: true } },
        },
      },
      contacts: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          answerId: true,
          outcome: true,
          notes: true,
          durationSec: true,
          nextAttemptAt: true,
          createdAt: true,
          curator: person,
        },
      },
      extensions: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          reason: true,
          status: true,
          decisionComment: true,
          previousDueAt: true,
          newDueAt: true,
          createdAt: true,
          decidedAt: true,
          requestedBy: person,
          decidedBy: person,
        },
      },
    },
  });
  if (!m) throw new AppError("not_found", "Сообщение не найдено.");
  if (!seesPersonalData(user)) maskWorkflowTexts(user, m);
  const policy = await loadPolicy(db(), m.regime);
  const submitted = m.answers.filter((a) => a.status !== "draft");
  const draft = m.answers.findLast((a) => a.status === "draft") ?? null;
  const pending = m.extensions.findLast((e) => e.status === "pending") ?? null;
  const approved = m.answers.findLast((a) => a.status === "approved") ?? null;
  let extensionPreview: Date | null = null;
  if (pending && m.dueAt && m.extensionCount < policy.maxExtensions) {
    const local = m.dueLocalDate ? m.dueLocalDate.toISOString().slice(0, 10) : localDateOf(m.dueAt);
    extensionPreview = extendByPolicy(local, m.extensionCount, policy).dueAt;
  }
  const actions = availableActions({
    role: user.role,
    status: m.status,
    channel: m.channel,
    extensionCount: m.extensionCount,
    maxExtensions: policy.maxExtensions,
    hasSubmittedAnswer: m.answers.some((a) => a.status === "submitted"),
    hasApprovedAnswer: approved !== null,
    hasPendingExtension: pending !== null,
  });
  return {
    actions,
    channel: m.channel,
    answers: submitted.map((a) => ({ ...a, warnings: answerWarnings(a.text) })),
    draft,
    approved,
    contactsForApproved: approved ? m.contacts.filter((c) => c.answerId === approved.id).length : 0,
    contacts: m.contacts,
    extensions: m.extensions,
    pendingExtension: pending,
    extensionPreview,
    policy: {
      maxExtensions: policy.maxExtensions,
      extensionDays: policy.extensionDays,
      extensionUnit: policy.extensionUnit,
    },
    extensionCount: m.extensionCount,
    suggestedTemplate: templateForTopic(m.topic?.code).code,
  };
}

type Texts = {
  answers: { text: string; reviews: { comment: string | null }[]; attachments: { fileName: string }[] }[];
  contacts: { notes: string | null }[];
  extensions: { reason: string; decisionComment: string | null }[];
};

/** Answers, review comments, call notes and extension reasons quote residents too («Уважаемая
 * Алексеева Ю. Н.!»): masked in place for roles without the right to personal data. */
function maskWorkflowTexts(user: CurrentUser, m: Texts) {
  for (const a of m.answers) {
    a.text = textFor(user, a.text);
    for (const r of a.reviews) r.comment = textFor(user, r.comment);
    for (const f of a.attachments) f.fileName = textFor(user, f.fileName);
  }
  for (const c of m.contacts) c.notes = textFor(user, c.notes);
  for (const e of m.extensions) {
    e.reason = textFor(user, e.reason);
    e.decisionComment = textFor(user, e.decisionComment);
  }
}

export type MessageWorkflow = Awaited<ReturnType<typeof getMessageWorkflow>>;
