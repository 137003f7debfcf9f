"use client";

import { useActionState, useState } from "react";
import { userStateAction, type UserFormState } from "@/app/(desk)/admin/users/actions";

export function UserStateButtons({
  id,
  name,
  active,
  locked,
}: {
  id: number;
  name: string;
  active: boolean;
  locked: boolean;
}) {
  const [state, action, pending] = useActionState<UserFormState, FormData>(userStateAction, null);
  const [confirm, setConfirm] = useState(false);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {locked && (
        <button
          name="op"
          value="unlock"
          disabled={pending}
          className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs"
          aria-label={`Разблокировать: ${name}`}
        >
          Разблокировать
        </button>
      )}
      {active && !confirm && (
        <button
          name="op"
          value="end_sessions"
          disabled={pending}
          className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs"
          aria-label={`Завершить все сеансы: ${name}`}
          title="Выйти из учётной записи на всех устройствах"
        >
          Завершить сеансы
        </button>
      )}
      {active ? (
        confirm ? (
          <>
            <button
              name="op"
              value="disable"
              disabled={pending}
              className="rounded bg-red-800 px-2 py-0.5 text-xs text-white"
            >
              Да, отключить
            </button>
            <button
              type="button"
              onClick={() => setConfirm(false)}
              className="rounded border border-slate-400 px-2 py-0.5 text-xs"
            >
              Отмена
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirm(true)}
            className="rounded border border-red-700 px-2 py-0.5 text-xs text-red-800"
            aria-label={`Отключить: ${name}`}
          >
            Отключить…
          </button>
        )
      ) : (
        <button
          name="op"
          value="enable"
          disabled={pending}
          className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs"
          aria-label={`Включить: ${name}`}
        >
          Включить
        </button>
      )}
      <span aria-live="polite" className={`text-xs ${state && !state.ok ? "text-red-800" : "text-slate-700"}`}>
        {state?.message}
      </span>
    </form>
  );
}
