"use server";

import { revalidatePath } from "next/cache";
import { bulkAction } from "@/lib/queue/bulk-actions";
import { AppError } from "@/lib/errors";
import { runAction, type ActionState } from "@/lib/actions/action-state";

export type DuplicateState = ActionState;

/** «Дубликат»: marks this message as a duplicate of the related one (linked, never deleted). */
export async function markDuplicateAction(_prev: DuplicateState, form: FormData): Promise<DuplicateState> {
  return runAction("messages/[id]/related-actions.ts", "markDuplicateAction", async (user) => {
    const messageId = Number(form.get("messageId"));
    const r = await bulkAction(user, {
      action: "duplicate",
      ids: [messageId],
      originalId: Number(form.get("originalId")),
    });
    revalidatePath(`/messages/${messageId}`);
    if (!r.done.length) throw new AppError("invalid_input", r.summary);
    return `Отмечено как дубликат № ${String(form.get("originalId"))}.`;
  });
}
