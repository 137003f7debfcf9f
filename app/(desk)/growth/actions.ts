"use server";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { AppError, publicMessage } from "@/lib/errors";
import { createProblemFromGrowth } from "@/lib/analytics/growth-problem";
import { formInput } from "@/lib/actions/action-state";

export type GrowthProblemState = { ok: true; message: string; problemId: number } | { ok: false; message: string } | null;

/** «Создать проблему» on a growth (coordinator only; the data function checks the role too). */
export async function createGrowthProblemAction(_: GrowthProblemState, form: FormData): Promise<GrowthProblemState> {
  try {
    const user = await authorize("growth.problem");
    const r = await createProblemFromGrowth(user, formInput(form));
    revalidatePath("/growth");
    revalidatePath("/problems");
    revalidatePath("/dashboard");
    return { ok: true, message: `Создана проблема № ${r.id}: сообщений ${r.attached}.`, problemId: r.id };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("growth problem action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}
