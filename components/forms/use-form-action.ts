"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
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
  const onSubmit = submitKeepingFields(dispatch, (tooLong) => {
    setClientState(tooLong && { ok: false, message: tooLong.message, fieldErrors: { [tooLong.name]: [tooLong.message] }, at: Date.now() });
  });
  const { resetOnSuccess, onSuccess } = opts;
  useEffect(() => {
    if (!state?.ok) return;
    if (resetOnSuccess) ref.current?.reset();
    onSuccess?.();
    // Runs once per result: `at` changes on every submit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state?.at]);
  return { state, pending, form: { ref, action: dispatch, onSubmit } };
}

/**
 * An onSubmit handler for a useActionState form that must keep its fields: it dispatches the
 * form's data itself (React resets a form only after its `action` prop runs), after checking the
 * text fields against their maxLength. `onCheck` gets the field that is too long, or null.
 */
export function submitKeepingFields(dispatch: (data: FormData) => void, onCheck?: (tooLong: TooLong | null) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const tooLong = findTooLong(e.currentTarget);
    onCheck?.(tooLong);
    if (tooLong) {
      tooLong.field.focus();
      return;
    }
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
}
