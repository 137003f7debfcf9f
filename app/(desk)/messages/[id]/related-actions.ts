"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { bulkAction } from "@/lib/queue/bulk-actions";
import { AppError, publicMessage } from "@/lib/errors";

export type DuplicateState = { ok: boolean; message: string } | null;

/** «Дубликат»: marks this message as a duplicate of the related one (linked, never deleted). */
export async function markDuplicateAction(_prev: DuplicateState, form: FormData): Promise<DuplicateState> {
  try {
    const user = await authorize("message.triage");
    const messageId = Number(form.get("messageId"));
    const r = await bulkAction(user, { action: "duplicate", ids: [messageId], originalId: Number(form.get("originalId")) });
    revalidatePath(`/messages/${messageId}`);
    return r.done.length ? { ok: true, message: `Отмечено как дубликат № ${String(form.get("originalId"))}.` } : { ok: false, message: r.summary };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("mark duplicate failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}
