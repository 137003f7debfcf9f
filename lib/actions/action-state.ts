import "server-only";
import { AppError, publicMessage } from "@/lib/errors";

// What a server action returns to its useActionState form. Client components import these types
// (`import type`, erased at build time), never the functions below.
export type FieldErrors = Record<string, string[] | undefined>;
export type ActionState = { ok: true; message?: string; at?: number } | { ok: false; message: string; fieldErrors?: FieldErrors; at?: number } | null;

/** Runs a data function for a server action: expected failures come back in words (with field
 * errors for the form), anything else is logged under `name` and replaced by the generic message. */
export async function actionState(name: string, fn: () => Promise<string>): Promise<ActionState> {
  try {
    return { ok: true, message: await fn(), at: Date.now() };
  } catch (e) {
    if (!(e instanceof AppError)) console.error(`${name} failed`, e);
    const fieldErrors = e instanceof AppError && e.code === "invalid_input" ? (e.details as FieldErrors | undefined) : undefined;
    return { ok: false, message: publicMessage(e), fieldErrors, at: Date.now() };
  }
}

export function formInput(form: FormData): Record<string, unknown> {
  return Object.fromEntries([...form.keys()].map((k) => [k, form.get(k)]));
}
