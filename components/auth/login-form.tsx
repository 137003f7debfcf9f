"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { formatDateTime } from "@/lib/format";
import { TEXT_LIMITS } from "@/lib/validation/limits";

const LOCKED_PREFIX = "LOCKED:";

function describeError(code: string): string {
  if (code.startsWith(LOCKED_PREFIX)) {
    const until = formatDateTime(code.slice(LOCKED_PREFIX.length));
    return `Учётная запись заблокирована после 5 неудачных попыток входа подряд. Повторите попытку после ${until} (время сахалинское) или обратитесь к начальнику МЦУ.`;
  }
  if (code === "THROTTLED")
    return "Слишком много неудачных попыток входа с этого компьютера. Повторите через 15 минут.";
  // Unknown login, wrong password and a locked account get the same answer: nobody can learn
  // from it which logins exist.
  if (code === "INVALID_CREDENTIALS" || code === "CredentialsSignin") {
    return "Неверный логин или пароль. После 5 неудачных попыток подряд вход блокируется на 15 минут.";
  }
  return "Не удалось войти. Попробуйте ещё раз.";
}

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const login = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!login || !password) {
      setError("Введите логин и пароль.");
      return;
    }
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { login, password, redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError(describeError(res?.error ?? ""));
      return;
    }
    // A full load, not router.push: the first page after sign-in is rendered afresh with the new
    // session cookie, with nothing kept from the signed-out page in the router cache.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
    window.location.assign("/");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="login" className="block text-sm font-medium text-slate-800">
          Логин
        </label>
        <input
          id="login"
          name="login"
          autoComplete="username"
          required
          autoFocus
          maxLength={TEXT_LIMITS.signInLogin}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          Пароль
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={TEXT_LIMITS.password}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div aria-live="polite" role="status" className="min-h-6">
        {error && (
          <p
            role="alert"
            data-testid="login-error"
            className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {error}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
      >
        {pending ? "Вход…" : "Войти"}
      </button>
    </form>
  );
}
