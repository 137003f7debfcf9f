import type { ActionState } from "@/lib/actions/action-state";

/** The result of the last submit, announced by screen readers (aria-live). */
export function FormStatus({ state, id }: { state: ActionState; id?: string }) {
  return (
    <div aria-live="polite" role="status" id={id} className="min-h-6">
      {state && !state.ok && <p role="alert" data-testid="action-error" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{state.message}</p>}
      {state?.ok && state.message && <p data-testid="action-ok" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{state.message}</p>}
    </div>
  );
}

export function FieldError({ state, name, id }: { state: ActionState; name: string; id: string }) {
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return <p id={id} className="mt-1 text-sm text-red-800">{errors[0]}</p>;
}

export function hasFieldError(state: ActionState, name: string): boolean {
  return Boolean(state && !state.ok && state.fieldErrors?.[name]?.length);
}

export const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm";
export const labelClass = "block text-sm font-medium text-slate-800";
export const primaryButton = "rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60";
export const secondaryButton = "rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60";
export const dangerButton = "rounded bg-red-800 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60";
