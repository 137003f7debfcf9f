import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertRole, loadMessage } from "./guards";
import { findOrCreateDraft } from "./drafts";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_ANSWER, checkAttachment, safeFileName } from "./attachment-types";
import { idSchema, parseInput } from "./validate";

export function attachmentsDir(): string {
  return path.resolve(env().DATA_DIR, "attachments");
}

/** Files are stored by content hash only, so a stored path never contains anything a user typed. */
export function attachmentPath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError("not_found", "Файл не найден.");
  return path.join(attachmentsDir(), sha256);
}

async function storeBytes(bytes: Uint8Array, sha256: string): Promise<void> {
  const target = attachmentPath(sha256);
  if (await stat(target).then(() => true, () => false)) return; // same content already stored
  await mkdir(attachmentsDir(), { recursive: true });
  const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, target); // atomic: a reader never sees half a file
}

const schema = z.object({ messageId: idSchema, file: z.instanceof(File, { message: "Выберите файл." }) });

/** Attaches a file to the block head's draft answer (created if there is none yet). */
export async function saveAttachment(user: CurrentUser, raw: unknown): Promise<{ attachmentId: number }> {
  assertRole(user, "block_head");
  const { messageId, file } = parseInput(schema, raw);
  if (file.size > MAX_ATTACHMENT_BYTES) throw new AppError("invalid_input", "Файл больше 10 МБ.", { file: ["Файл больше 10 МБ."] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = safeFileName(file.name);
  const check = checkAttachment(fileName, bytes);
  if (!check.ok) throw new AppError("invalid_input", check.message, { file: [check.message] });
  // Check access before touching the disk, so a foreign message id stores nothing.
  await loadMessage(db(), user, messageId);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await storeBytes(bytes, sha256);
  return db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, messageId);
    if (m.status !== "in_work") throw new AppError("invalid_transition", "Файлы прикладываются к ответу, пока сообщение в работе.");
    const draft = await findOrCreateDraft(tx, m.id, user.id);
    if ((await tx.answerAttachment.count({ where: { answerId: draft.id } })) >= MAX_ATTACHMENTS_PER_ANSWER) {
      throw new AppError("invalid_input", `К ответу можно приложить не больше ${MAX_ATTACHMENTS_PER_ANSWER} файлов.`);
    }
    const a = await tx.answerAttachment.create({
      data: { answerId: draft.id, fileName, mime: check.mime, size: bytes.length, sha256, storagePath: `attachments/${sha256}` },
      select: { id: true },
    });
    await audit({ actorId: user.id, action: "attachment_added", entity: "answer", entityId: draft.id, data: { attachmentId: a.id, sha256, size: bytes.length } }, tx);
    return { attachmentId: a.id };
  });
}
