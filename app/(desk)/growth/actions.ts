"use server";
import { revalidatePath } from "next/cache";
import { createProblemFromGrowth } from "@/lib/analytics/growth-problem";
import { formInput, runAction, type ActionState } from "@/lib/actions/action-state";

export type GrowthProblemState = ActionState<{ problemId: number }>;

/** «Создать проблему» on a growth (the data function checks the capability too). */
export async function createGrowthProblemAction(_: GrowthProblemState, form: FormData): Promise<GrowthProblemState> {
  return runAction("growth/actions.ts", "createGrowthProblemAction", async (user) => {
    const r = await createProblemFromGrowth(user, formInput(form));
    revalidatePath("/growth");
    revalidatePath("/problems");
    revalidatePath("/dashboard");
    return { message: `Создана проблема № ${r.id}: сообщений ${r.attached}.`, data: { problemId: r.id } };
  });
}
