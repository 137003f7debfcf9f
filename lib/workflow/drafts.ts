import "server-only";
import type { Tx } from "@/lib/db";

/** Rounds already sent for review (a draft is not a round until it is submitted). */
export async function submittedRounds(tx: Tx, messageId: number): Promise<number> {
  return tx.answer.count({ where: { messageId, status: { not: "draft" } } });
}

/** The message's open draft, created on first use. The message row is locked first so two
 * simultaneous saves cannot create two drafts. */
export async function findOrCreateDraft(tx: Tx, messageId: number, authorId: number) {
  await tx.$queryRaw`SELECT id FROM messages WHERE id = ${messageId} FOR UPDATE`;
  const existing = await tx.answer.findFirst({
    where: { messageId, status: "draft" },
    orderBy: [{ round: "desc" }, { id: "desc" }],
    select: { id: true, round: true, text: true },
  });
  if (existing) return existing;
  const round = (await submittedRounds(tx, messageId)) + 1;
  return tx.answer.create({
    data: { messageId, authorId, round, text: "" },
    select: { id: true, round: true, text: true },
  });
}

/** After a return for rework the next round starts from the returned text and its files, so the
 * block head edits rather than retypes; the returned answer itself stays unchanged. */
export async function startNextRound(
  tx: Tx,
  returned: {
    id: number;
    messageId: number;
    authorId: number;
    round: number;
    text: string;
    templateCode: string | null;
  },
) {
  const draft = await tx.answer.create({
    data: {
      messageId: returned.messageId,
      authorId: returned.authorId,
      round: returned.round + 1,
      text: returned.text,
      templateCode: returned.templateCode,
    },
    select: { id: true },
  });
  const files = await tx.answerAttachment.findMany({
    where: { answerId: returned.id },
    select: { fileName: true, mime: true, size: true, sha256: true, storagePath: true },
  });
  if (files.length) await tx.answerAttachment.createMany({ data: files.map((f) => ({ ...f, answerId: draft.id })) });
  return draft;
}
