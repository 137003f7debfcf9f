import "server-only";
import { ZodError } from "zod";
import { authorize, type CurrentUser } from "@/lib/auth/session";
import { ACTION_PERMISSIONS } from "@/lib/auth/permissions";
import { AppError, publicMessage } from "@/lib/errors";

// The one action contract. Every server action of app/ is `runAction(module, name, body)`:
// it signs the caller in and checks the capability ACTION_PERMISSIONS gives this action (the map
// is the only place that says it), runs the body with the user, turns expected failures
// (AppError, a zod error) into Russian words and field errors, logs anything else with the
// action's name and the user's id, and returns one result shape. Forms render it the same way
// (components/workflow/form-status.tsx: FormStatus and FieldError; components/forms/use-form-action.ts).
// Client components import the types (`import type`, erased at build time), never the functions.

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<D = undefined> =
  | { ok: true; message: string; data?: D; at?: number }
  | { ok: false; message: string; fieldErrors?: FieldErrors; values?: Record<string, string>; at?: number };
// `at` (when the server answered) lets a form tell two equal answers apart; runAction always sets it.

/** The state of a useActionState form: null before the first submit. */
export type ActionState<D = undefined> = ActionResult<D> | null;

/** What an action's body returns: the confirmation, optionally with data for the form. */
export type ActionDone<D> = string | void | { message?: string; data: D };

type Modules = typeof ACTION_PERMISSIONS;

export async function runAction<M extends keyof Modules, D = undefined>(
  module: M,
  name: keyof Modules[M] & string,
  body: (user: CurrentUser) => Promise<ActionDone<D>>,
  opts: { values?: Record<string, string> } = {},
): Promise<ActionResult<D>> {
  const permission = (ACTION_PERMISSIONS[module] as Record<string, Parameters<typeof authorize>[0] | null>)[name];
  let user: CurrentUser | null = null;
  try {
    user = await authorize(permission ?? undefined);
    const done = await body(user);
    if (done === undefined || typeof done === "string") return { ok: true, message: done ?? "", at: Date.now() };
    return { ok: true, message: done.message ?? "", data: done.data, at: Date.now() };
  } catch (e) {
    if (e instanceof ZodError) {
      return {
        ok: false,
        message: "Проверьте поля формы.",
        fieldErrors: fieldErrorsOf(e),
        values: opts.values,
        at: Date.now(),
      };
    }
    if (!(e instanceof AppError))
      console.error(`server action ${module} › ${name} failed (user ${user?.id ?? "—"})`, e);
    const fieldErrors =
      e instanceof AppError && e.code === "invalid_input" ? (e.details as FieldErrors | undefined) : undefined;
    return { ok: false, message: publicMessage(e), fieldErrors, values: opts.values, at: Date.now() };
  }
}

function fieldErrorsOf(e: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const i of e.issues) {
    const key = String(i.path[0] ?? "form");
    (out[key] ??= []).push(i.message);
  }
  return out;
}

/** A form's fields as a plain object (the last value of a repeated field). */
export function formInput(form: FormData): Record<string, unknown> {
  return Object.fromEntries([...form.keys()].map((k) => [k, form.get(k)]));
}
