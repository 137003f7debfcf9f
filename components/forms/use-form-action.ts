"use client";

import { startTransition, useActionState, useEffect, useEffectEvent, useRef, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { findTooLong, type TooLong } from "@/components/workflow/length-guard";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * useActionState for forms that must keep what the user typed when the server refuses it.
 * React resets a form after every `action` submission, which would wipe a half-filled rule on a
 * validation error; submitting through onSubmit keeps the fields, and the form is reset only after
 * a success when asked (a "new …" form). The submit button's name/value is sent as usual.
 * A text field over its maxLength (set by a script, see length-guard.ts) is refused here, as a
 * field error, without sending anything.
 */
export function useFormAction(action: Action, opts: { resetOnSuccess?: boolean; onSuccess?: () => void } = {}) {
  const [serverState, dispatch, pending] = useActionState(action, null);
  const [clientState, setClientState] = useState<ActionState>(null);
  // A refusal in the browser is cleared by the next real submit, so it is always the newer one.
  const state = clientState ?? serverState;
  const ref = useRef<HTMLFormElement>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const tooLong = dispatchKeepingFields(e, dispatch);
    setClientState(
      tooLong && {
        ok: false,
        message: tooLong.message,
        fieldErrors: { [tooLong.name]: [tooLong.message] },
        at: Date.now(),
      },
    );
  };
  const { resetOnSuccess, onSuccess } = opts;
  const onResult = useEffectEvent(() => {
    if (resetOnSuccess) ref.current?.reset();
    onSuccess?.();
  });
  // Runs once per result: `at` changes on every submit.
  const ok = state?.ok;
  const at = state?.at;
  useEffect(() => {
    if (ok) onResult();
  }, [ok, at]);
  return { state, pending, form: { ref, action: dispatch, onSubmit } };
}

/**
 * An onSubmit handler for a useActionState form that must keep its fields: it dispatches the
 * form's data itself (React resets a form only after its `action` prop runs), after checking the
 * text fields against their maxLength. `onCheck` gets the field that is too long, or null.
 */
export function submitKeepingFields(dispatch: (data: FormData) => void, onCheck?: (tooLong: TooLong | null) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    // Not `onCheck?.(dispatchKeepingFields(…))`: without onCheck that would skip the dispatch and
    // the browser would submit the form itself (a GET with the fields in the address).
    const tooLong = dispatchKeepingFields(e, dispatch);
    onCheck?.(tooLong);
  };
}

/** The body of submitKeepingFields' handler: dispatches the form's data unless a text field is
 * too long, which it focuses and returns (null = sent). */
export function dispatchKeepingFields(
  e: FormEvent<HTMLFormElement>,
  dispatch: (data: FormData) => void,
): TooLong | null {
  e.preventDefault();
  const tooLong = findTooLong(e.currentTarget);
  if (tooLong) {
    tooLong.field.focus();
    return tooLong;
  }
  const submitter = (e.nativeEvent as SubmitEvent).submitter;
  const data = new FormData(e.currentTarget, submitter);
  startTransition(() => dispatch(data));
  return null;
}
