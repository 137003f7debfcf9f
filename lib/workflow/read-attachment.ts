import "server-only";
import { readFile } from "node:fs/promises";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { messageScope } from "@/lib/messages/scope";
import { attachmentPath } from "./attachments";
import { idSchema } from "./validate";

/** An attachment of a message the user may see. The file is located by its stored hash, never by
 * anything from the request. */
export async function readAttachment(user: CurrentUser, rawMessageId: unknown, rawAttachmentId: unknown) {
  const messageId = idSchema.safeParse(rawMessageId);
  const attachmentId = idSchema.safeParse(rawAttachmentId);
  if (!messageId.success || !attachmentId.success) throw new AppError("not_found", "Файл не найден.");
  const a = await db().answerAttachment.findFirst({
    where: { id: attachmentId.data, answer: { messageId: messageId.data, message: messageScope(user) } },
    select: { fileName: true, mime: true, sha256: true },
  });
  if (!a) throw new AppError("not_found", "Файл не найден.");
  const bytes = await readFile(attachmentPath(a.sha256)).catch(() => {
    throw new AppError("not_found", "Файл не найден в хранилище.");
  });
  return { fileName: a.fileName, mime: a.mime, bytes };
}
