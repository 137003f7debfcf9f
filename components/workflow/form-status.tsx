import type { ActionState } from "@/lib/actions/action-state";
import { buttonClass } from "@/components/ui/button";

/** The result of the last submit, announced by screen readers (aria-live). */
export function FormStatus({ state, id }: { state: ActionState; id?: string }) {
  return (
    <div aria-live="polite" role="status" id={id} className="min-h-6">
      {state && !state.ok && (
        <p
          role="alert"
          data-testid="action-error"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {state.message}
        </p>
      )}
      {state?.ok && state.message && (
        <p
          data-testid="action-ok"
          className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {state.message}
        </p>
      )}
    </div>
  );
}

export function FieldError({ state, name, id }: { state: ActionState; name: string; id: string }) {
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800">
      {errors[0]}
    </p>
  );
}

export function hasFieldError(state: ActionState, name: string): boolean {
  return Boolean(state && !state.ok && state.fieldErrors?.[name]?.length);
}

/** The field's first error from a refused submit, for `<Field error>`. */
export function fieldError(state: ActionState, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

// The form primitives live in components/ui; these names stay for the forms that use them.
export { inputClass, labelClass } from "@/components/ui/field";
export const primaryButton = buttonClass("primary");
export const secondaryButton = buttonClass("secondary");
export const dangerButton = buttonClass("danger");
