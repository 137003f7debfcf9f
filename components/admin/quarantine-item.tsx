"use client";

import { useActionState, useState } from "react";
import { discardQuarantineAction, retryQuarantineAction, type ActionState } from "@/app/(desk)/admin/channels/actions";
import { submitKeepingFields } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function QuarantineItem({ id, rawBody }: { id: number; rawBody: string }) {
  const [retryState, retry, retrying] = useActionState<ActionState, FormData>(retryQuarantineAction, null);
  const [discardState, discard, discarding] = useActionState<ActionState, FormData>(discardQuarantineAction, null);
  const [confirming, setConfirming] = useState(false);
  const [tooLong, setTooLong] = useState<string | null>(null);
  const state: ActionState = tooLong ? { ok: false, message: tooLong } : (discardState ?? retryState);
  return (
    <div className="space-y-2">
      {/* onSubmit, not action: a corrected payload that is refused stays in the box. */}
      <form onSubmit={submitKeepingFields(retry, (t) => setTooLong(t?.message ?? null))} className="space-y-2">
        <input type="hidden" name="id" value={id} />
        <label htmlFor={`raw-${id}`} className="block text-sm font-medium">
          Исходные данные (можно исправить перед повтором)
        </label>
        <textarea
          id={`raw-${id}`}
          name="rawBody"
          defaultValue={pretty(rawBody)}
          rows={6}
          maxLength={TEXT_LIMITS.rawJson}
          className="w-full rounded border border-slate-400 p-2 font-mono text-xs"
        />
        <button
          type="submit"
          disabled={retrying}
          className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-600 disabled:opacity-60"
        >
          {retrying ? "Проверка…" : "Повторить"}
        </button>
      </form>
      <form action={discard}>
        <input type="hidden" name="id" value={id} />
        {confirming ? (
          <span className="flex gap-2">
            <button type="submit" disabled={discarding} className="rounded bg-red-800 px-3 py-1 text-sm text-white">
              Да, отклонить
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="rounded border border-slate-400 px-3 py-1 text-sm"
            >
              Отмена
            </button>
          </span>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded border border-red-700 px-3 py-1 text-sm text-red-800"
          >
            Отклонить…
          </button>
        )}
      </form>
      <p aria-live="polite" className={`text-sm ${state && !state.ok ? "text-red-800" : "text-green-800"}`}>
        {state?.message}
      </p>
    </div>
  );
}

function pretty(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
