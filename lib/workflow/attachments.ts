import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { db, type Db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage } from "./guards";
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
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  ) {
    // Same content already stored. Touched so the orphan sweep, which removes only old files no
    // row refers to, does not take it while this upload's row is being written.
    const now = new Date();
    await utimes(target, now, now).catch(() => undefined);
    return;
  }
  await mkdir(attachmentsDir(), { recursive: true });
  const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, target); // atomic: a reader never sees half a file
}

const schema = z.object({ messageId: idSchema, file: z.instanceof(File, { message: "Выберите файл." }) });

/** Attaches a file to the block head's draft answer (created if there is none yet). */
export async function saveAttachment(user: CurrentUser, raw: unknown): Promise<{ attachmentId: number }> {
  assertCan(user, "message.answer");
  const { messageId, file } = parseInput(schema, raw);
  if (file.size > MAX_ATTACHMENT_BYTES)
    throw new AppError("invalid_input", "Файл больше 10 МБ.", { file: ["Файл больше 10 МБ."] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = safeFileName(file.name);
  const check = checkAttachment(fileName, bytes);
  if (!check.ok) throw new AppError("invalid_input", check.message, { file: [check.message] });
  // Everything that can refuse (scope, status, the file limit) is checked before touching the
  // disk, so a refused upload stores nothing. The transaction checks again under the message lock;
  // a file stored for an upload refused only there is left to the orphan sweep.
  const current = await loadMessage(db(), user, messageId);
  assertCanAttach(current.status, await draftFileCount(db(), { answer: { messageId: current.id, status: "draft" } }));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await storeBytes(bytes, sha256);
  return db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, messageId);
    assertCanAttach(m.status, 0);
    const draft = await findOrCreateDraft(tx, m.id, user.id);
    assertCanAttach(m.status, await draftFileCount(tx, { answerId: draft.id }));
    const a = await tx.answerAttachment.create({
      data: {
        answerId: draft.id,
        fileName,
        mime: check.mime,
        size: bytes.length,
        sha256,
        storagePath: `attachments/${sha256}`,
      },
      select: { id: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "attachment_added",
        entity: "answer",
        entityId: draft.id,
        data: { attachmentId: a.id, sha256, size: bytes.length },
      },
      tx,
    );
    return { attachmentId: a.id };
  });
}

function assertCanAttach(status: string, filesInDraft: number): void {
  if (status !== "in_work")
    throw new AppError("invalid_transition", "Файлы прикладываются к ответу, пока сообщение в работе.");
  if (filesInDraft >= MAX_ATTACHMENTS_PER_ANSWER) {
    throw new AppError("invalid_input", `К ответу можно приложить не больше ${MAX_ATTACHMENTS_PER_ANSWER} файлов.`);
  }
}

function draftFileCount(
  client: Tx | Db,
  where: { answerId: number } | { answer: { messageId: number; status: "draft" } },
): Promise<number> {
  // Db and Tx expose the same model API; TypeScript cannot unify their global-omit generics.
  return (client as Tx).answerAttachment.count({ where });
}
