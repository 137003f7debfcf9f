"use client";

import { useActionState } from "react";
import { markReadAction } from "@/app/(desk)/notifications/actions";
import { FormStatus } from "@/components/workflow/form-status";

/** Marks the given notifications (or all of them) read. */
export function MarkReadButton({
  ids,
  all,
  label,
  srLabel,
}: {
  ids?: number[];
  all?: boolean;
  label: string;
  srLabel?: string;
}) {
  const [state, action, pending] = useActionState(markReadAction, null);
  return (
    <form action={action}>
      {all ? (
        <input type="hidden" name="all" value="1" />
      ) : (
        ids?.map((id) => <input key={id} type="hidden" name="ids" value={id} />)
      )}
      <button
        type="submit"
        disabled={pending}
        aria-label={srLabel}
        className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-100"
      >
        {label}
      </button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}
