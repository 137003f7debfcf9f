"use client";

import { useActionState } from "react";
import {
  intervalAction,
  loadNowAction,
  togglePauseAction,
  type ActionState,
} from "@/app/(desk)/admin/channels/actions";
import { submitKeepingFields } from "@/components/forms/use-form-action";
import { NUMBER_LIMITS } from "@/lib/validation/limits";

export function ChannelControls({
  channel,
  paused,
  label,
  interval,
}: {
  channel: string;
  paused: boolean;
  label: string;
  interval: number;
}) {
  const [pauseState, pauseAction, pausing] = useActionState<ActionState, FormData>(togglePauseAction, null);
  const [loadState, loadAction, loading] = useActionState<ActionState, FormData>(loadNowAction, null);
  const [intervalState, saveInterval, savingInterval] = useActionState<ActionState, FormData>(intervalAction, null);
  const state = loadState ?? pauseState ?? intervalState;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <form action={pauseAction}>
          <input type="hidden" name="channel" value={channel} />
          <input type="hidden" name="paused" value={paused ? "false" : "true"} />
          <button
            type="submit"
            disabled={pausing}
            aria-label={`${paused ? "Возобновить" : "Приостановить"}: ${label}`}
            className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
          >
            {paused ? "Возобновить" : "Приостановить"}
          </button>
        </form>
        <form action={loadAction}>
          <input type="hidden" name="channel" value={channel} />
          <button
            type="submit"
            disabled={loading || paused}
            aria-label={`Загрузить сейчас: ${label}`}
            className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-600 disabled:opacity-60"
          >
            {loading ? "Загрузка…" : "Загрузить сейчас"}
          </button>
        </form>
      </div>
      {/* onSubmit, not action: a refused interval stays in the field. */}
      <form onSubmit={submitKeepingFields(saveInterval)} className="flex items-center gap-1 text-xs">
        <input type="hidden" name="channel" value={channel} />
        <label htmlFor={`interval-${channel}`}>Интервал, с</label>
        <input
          id={`interval-${channel}`}
          name="seconds"
          type="number"
          min={NUMBER_LIMITS.pullIntervalSec.min}
          max={NUMBER_LIMITS.pullIntervalSec.max}
          defaultValue={interval}
          className="w-20 rounded border border-slate-400 px-1 py-0.5"
        />
        <button
          type="submit"
          disabled={savingInterval}
          className="rounded border border-slate-400 bg-white px-2 py-0.5 hover:bg-slate-100"
        >
          Сохранить
        </button>
      </form>
      <p aria-live="polite" className={`text-xs ${state && !state.ok ? "text-red-800" : "text-slate-700"}`}>
        {state?.message}
      </p>
    </div>
  );
}
