"use client";

import { useActionState, useState } from "react";
import { userPasswordAction, type UserFormState } from "@/app/(desk)/admin/users/actions";
import { submitKeepingFields } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";

/** «Сменить пароль…» on a user's row: a new password typed by the МЦУ head. */
export function UserPasswordForm({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState<UserFormState, FormData>(userPasswordAction, null);
  // The form is open from «Сменить пароль…» until a saved password (a new successful result)
  // closes it and leaves the confirmation beside the button; a refusal keeps it open. Derived
  // from the result the form was opened with, so no effect has to close it.
  const [openedWith, setOpenedWith] = useState<{ state: UserFormState } | null>(null);
  const open = openedWith !== null && (state === openedWith.state || !state?.ok);
  const setOpen = (o: boolean) => setOpenedWith(o ? { state } : null);
  if (!open) {
    return (
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs"
          aria-label={`Сменить пароль: ${name}`}
        >
          Сменить пароль…
        </button>
        {state?.ok && (
          <span aria-live="polite" className="text-xs text-slate-700">
            {state.message}
          </span>
        )}
      </div>
    );
  }
  return (
    // onSubmit, not action: a refused password stays in the field to be corrected.
    // method="post": should the script ever not run, the password must not end up in an address.
    <form method="post" onSubmit={submitKeepingFields(action)} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`password-${id}`}>
        Новый пароль для: {name}
      </label>
      <input
        id={`password-${id}`}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        maxLength={TEXT_LIMITS.password}
        required
        placeholder="Новый пароль (не короче 10)"
        className="w-48 rounded border border-slate-400 px-2 py-0.5 text-xs"
      />
      <button disabled={pending} className="rounded bg-brand-700 px-2 py-0.5 text-xs text-white">
        Сохранить
      </button>
      <button
        type="button"
        onClick={() => setOpen(false)}
        className="rounded border border-slate-400 px-2 py-0.5 text-xs"
      >
        Отмена
      </button>
      <span aria-live="polite" className={`text-xs ${state && !state.ok ? "text-red-800" : "text-slate-700"}`}>
        {state?.message}
      </span>
    </form>
  );
}
