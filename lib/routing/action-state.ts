import "server-only";
import { AppError, publicMessage } from "@/lib/errors";
import type { ActionState, FieldErrors } from "@/components/workflow/action-state";

/** Runs a data function for a server action: expected failures come back in words (with field
 * errors for the form), anything else is logged and replaced by the generic message. */
export async function actionState(fn: () => Promise<string>): Promise<ActionState> {
  try {
    return { ok: true, message: await fn(), at: Date.now() };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("routing action failed", e);
    const fieldErrors = e instanceof AppError && e.code === "invalid_input" ? (e.details as FieldErrors | undefined) : undefined;
    return { ok: false, message: publicMessage(e), fieldErrors, at: Date.now() };
  }
}

export function formInput(form: FormData): Record<string, unknown> {
  return Object.fromEntries([...form.keys()].map((k) => [k, form.get(k)]));
}
