"use server";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { actionState, formInput, type ActionState } from "@/lib/actions/action-state";
import { rerouteMessage } from "@/lib/routing/reroute";

/** Used by the reroute form on «Требует разбора» and on the message page. */
export async function rerouteAction(_: ActionState, form: FormData): Promise<ActionState> {
  return actionState("rerouteAction", async () => {
    const user = await authorize("message.triage");
    const r = await rerouteMessage(user, formInput(form));
    // The queue, the review list, the message page and the bell all change.
    revalidatePath("/", "layout");
    if (r.routed) return "Сообщение направлено в блок.";
    return [r.topicChanged && "Тема изменена", r.blockChanged && "Блок изменён"].filter(Boolean).join(", ") + ".";
  });
}
