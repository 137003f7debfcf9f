"use server";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { AppError, publicMessage } from "@/lib/errors";
import { markRead } from "@/lib/notifications/mark-read";
import type { ActionState } from "@/lib/actions/action-state";

export async function markReadAction(_: ActionState, form: FormData): Promise<ActionState> {
  try {
    const user = await authorize();
    await markRead(user, form.get("all") === "1" ? { all: true } : { ids: form.getAll("ids") });
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("mark read failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}
