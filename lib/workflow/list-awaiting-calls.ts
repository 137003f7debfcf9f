import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { messageScope } from "@/lib/messages/scope";
import { deadlineStateOf } from "@/lib/messages/deadline";
import { assertCan } from "@/lib/auth/guards";
import { previewFor } from "@/lib/privacy/viewer";

/** «Ждут звонка»: approved ПОС answers of the curator's blocks waiting for the phone call, the
 * longest-waiting first. Personal data stays on the message page, where its reading is audited. */
export async function listAwaitingCalls(user: CurrentUser) {
  assertCan(user, "curator.read");
  const rows = await db().message.findMany({
    where: { AND: [messageScope(user), { status: "awaiting_contact" }] },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      textClean: true,
      status: true,
      dueAt: true,
      atRiskAt: true,
      locality: true,
      block: { select: { shortName: true } },
      answers: {
        where: { status: "approved" },
        orderBy: { round: "desc" },
        take: 1,
        select: { id: true, approvedAt: true },
      },
      contacts: {
        orderBy: { id: "desc" },
        select: { answerId: true, outcome: true, nextAttemptAt: true, createdAt: true },
      },
    },
  });
  return rows.map((r) => {
    const answerId = r.answers[0]?.id ?? null;
    const calls = r.contacts.filter((c) => c.answerId === answerId);
    return {
      id: r.id,
      preview: previewFor(user, null, (r.title ?? r.textClean).slice(0, 200), 160),
      locality: r.locality,
      block: r.block?.shortName ?? null,
      approvedAt: r.answers[0]?.approvedAt ?? null,
      dueAt: r.dueAt,
      deadlineState: deadlineStateOf(r),
      attempts: calls.length,
      lastOutcome: calls[0]?.outcome ?? null,
      nextAttemptAt: calls[0]?.nextAttemptAt ?? null,
    };
  });
}

export type AwaitingCall = Awaited<ReturnType<typeof listAwaitingCalls>>[number];
