"use server";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { publicMessage, AppError } from "@/lib/errors";
import { bulkAction } from "@/lib/queue/bulk-actions";
import { deleteSavedView, saveView } from "@/lib/queue/saved-views";

export type QueueActionResult = { ok: boolean; message: string; at: number };

async function run(fn: () => Promise<string>): Promise<QueueActionResult> {
  try {
    return { ok: true, message: await fn(), at: Date.now() };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("queue action failed", e);
    return { ok: false, message: publicMessage(e), at: Date.now() };
  }
}

/** Bulk route / topic / duplicate / spam on the selected messages. */
export async function bulkQueueAction(input: unknown): Promise<QueueActionResult> {
  return run(async () => {
    const user = await authorize("queue.bulk");
    const r = await bulkAction(user, input);
    revalidatePath("/", "layout");
    return r.summary;
  });
}

export async function saveViewAction(input: { name: string; query: string }): Promise<QueueActionResult> {
  return run(async () => {
    const user = await authorize("queue.read");
    const v = await saveView(user, input);
    revalidatePath("/queue");
    return `Вид «${v.name}» сохранён.`;
  });
}

export async function deleteViewAction(id: number): Promise<QueueActionResult> {
  return run(async () => {
    const user = await authorize("queue.read");
    await deleteSavedView(user, id);
    revalidatePath("/queue");
    return "Вид удалён.";
  });
}
