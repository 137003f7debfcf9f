"use client";

import { useActionState } from "react";
import { createUserAction, type UserFormState } from "@/app/(desk)/admin/users/actions";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { Card } from "@/components/ui/card";

const input = "mt-1 w-full rounded border border-slate-400 px-2 py-1";

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export function UserCreateForm({ blocks }: { blocks: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState<UserFormState, FormData>(createUserAction, null);
  // The first error of each field, and what was typed (handed back on a refusal).
  const fe = Object.fromEntries(
    Object.entries((state && !state.ok && state.fieldErrors) || {}).map(([k, m]) => [k, m?.[0]]),
  );
  const v = (state && !state.ok && state.values) || {};
  return (
    <Card action={action} as="form" className="grid gap-3 md:grid-cols-3" aria-label="Новая учётная запись">
      <Field id="u-login" label="Логин" error={fe.login}>
        <input
          id="u-login"
          name="login"
          defaultValue={v.login}
          required
          maxLength={TEXT_LIMITS.login}
          className={input}
          aria-invalid={!!fe.login}
        />
      </Field>
      <Field id="u-name" label="ФИО" error={fe.fullName}>
        <input
          id="u-name"
          name="fullName"
          defaultValue={v.fullName}
          required
          maxLength={TEXT_LIMITS.name}
          className={input}
          aria-invalid={!!fe.fullName}
        />
      </Field>
      <Field id="u-email" label="E-mail (необязательно)" error={fe.email}>
        <input
          id="u-email"
          name="email"
          type="email"
          defaultValue={v.email}
          maxLength={TEXT_LIMITS.email}
          className={input}
        />
      </Field>
      <Field id="u-role" label="Роль" error={fe.role}>
        <select
          id="u-role"
          name="role"
          required
          className={input}
          defaultValue={v.role ?? ""}
          key={`role-${v.role ?? ""}`}
        >
          <option value="" disabled>
            Выберите роль
          </option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="u-block" label="Блок (для руководителя блока)" error={fe.blockId}>
        <select
          id="u-block"
          name="blockId"
          className={input}
          defaultValue={v.blockId ?? ""}
          key={`block-${v.blockId ?? ""}`}
        >
          <option value="">—</option>
          {blocks.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="u-password" label="Начальный пароль (от 10 символов)" error={fe.password}>
        <input
          id="u-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          maxLength={TEXT_LIMITS.password}
          className={input}
        />
      </Field>
      <div className="flex items-center gap-3 md:col-span-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-600 disabled:opacity-60"
        >
          Создать
        </button>
        <p aria-live="polite" className={`text-sm ${state && !state.ok ? "text-red-800" : "text-green-800"}`}>
          {state?.message}
        </p>
      </div>
    </Card>
  );
}
