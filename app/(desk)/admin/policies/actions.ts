"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/workflow/action-state";
import { actionState, formInput } from "@/lib/routing/action-state";
import { updatePolicy } from "@/lib/admin/policies";

export async function updatePolicyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return actionState(async () => {
    await updatePolicy(formInput(form));
    revalidatePath("/admin/policies");
    return "Политика сохранена. Она действует для сообщений, поступивших после изменения.";
  });
}
