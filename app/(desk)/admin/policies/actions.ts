"use server";
import { revalidatePath } from "next/cache";
import { formInput, runAction, type ActionState } from "@/lib/actions/action-state";
import { updatePolicy } from "@/lib/admin/policies";

export async function updatePolicyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/policies/actions.ts", "updatePolicyAction", async () => {
    await updatePolicy(formInput(form));
    revalidatePath("/admin/policies");
    return "Политика сохранена. Она действует для сообщений, поступивших после изменения.";
  });
}
