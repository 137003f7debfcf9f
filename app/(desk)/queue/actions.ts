"use server";
import { revalidatePath } from "next/cache";
import { bulkAction } from "@/lib/queue/bulk-actions";
import { deleteSavedView, saveView } from "@/lib/queue/saved-views";
import { runAction, type ActionResult } from "@/lib/actions/action-state";

export type QueueActionResult = ActionResult;

/** Bulk route / topic / duplicate / spam on the selected messages. */
export async function bulkQueueAction(input: unknown): Promise<QueueActionResult> {
  return runAction("queue/actions.ts", "bulkQueueAction", async (user) => {
    const r = await bulkAction(user, input);
    revalidatePath("/", "layout");
    return r.summary;
  });
}

export async function saveViewAction(input: { name: string; query: string }): Promise<QueueActionResult> {
  return runAction("queue/actions.ts", "saveViewAction", async (user) => {
    const v = await saveView(user, input);
    revalidatePath("/queue");
    return `Вид «${v.name}» сохранён.`;
  });
}

export async function deleteViewAction(id: number): Promise<QueueActionResult> {
  return runAction("queue/actions.ts", "deleteViewAction", async (user) => {
    await deleteSavedView(user, id);
    revalidatePath("/queue");
    return "Вид удалён.";
  });
}
