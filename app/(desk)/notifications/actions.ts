"use server";
import { revalidatePath } from "next/cache";
import { markRead } from "@/lib/notifications/mark-read";
import { runAction, type ActionState } from "@/lib/actions/action-state";

export async function markReadAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("notifications/actions.ts", "markReadAction", async (user) => {
    await markRead(user, form.get("all") === "1" ? { all: true } : { ids: form.getAll("ids") });
    revalidatePath("/", "layout");
  });
}
