"use server";
import { revalidatePath } from "next/cache";
import { formInput, runAction, type ActionState } from "@/lib/actions/action-state";
import { rerouteMessage } from "@/lib/routing/reroute";

/** Used by the reroute form on «Требует разбора» and on the message page. */
export async function rerouteAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("review/actions.ts", "rerouteAction", async (user) => {
    const r = await rerouteMessage(user, formInput(form));
    // The queue, the review list, the message page and the bell all change.
    revalidatePath("/", "layout");
    if (r.routed) return "Сообщение направлено в блок.";
    return [r.topicChanged && "Тема изменена", r.blockChanged && "Блок изменён"].filter(Boolean).join(", ") + ".";
  });
}
