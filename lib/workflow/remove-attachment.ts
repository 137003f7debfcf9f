import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage } from "./guards";
import { idSchema, parseInput } from "./validate";

const schema = z.object({ messageId: idSchema, attachmentId: idSchema });

/** Removes a file from the draft only; submitted rounds keep their files as evidence. The stored
 * bytes stay (content-addressed, possibly shared with earlier rounds). */
export async function removeAttachment(user: CurrentUser, raw: unknown): Promise<void> {
  assertCan(user, "message.answer");
  const { messageId, attachmentId } = parseInput(schema, raw);
  await db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, messageId);
    const deleted = await tx.answerAttachment.deleteMany({
      where: { id: attachmentId, answer: { messageId: m.id, status: "draft" } },
    });
    if (deleted.count === 0) throw new AppError("not_found", "Файл не найден в черновике ответа.");
  });
}
