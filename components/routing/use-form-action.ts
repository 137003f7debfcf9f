"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/components/workflow/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * useActionState for forms that must keep what the user typed when the server refuses it.
 * React resets a form after every `action` submission, which would wipe a half-filled rule on a
 * validation error; submitting through onSubmit keeps the fields, and the form is reset only after
 * a success when asked (a "new …" form). The submit button's name/value is sent as usual.
 */
export function useFormAction(action: Action, opts: { resetOnSuccess?: boolean; onSuccess?: () => void } = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
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
