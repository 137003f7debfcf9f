"use client";

import { useActionState } from "react";
import { loadNowAction, togglePauseAction, type ActionState } from "@/app/(desk)/admin/channels/actions";

export function ChannelControls({ channel, paused, label }: { channel: string; paused: boolean; label: string }) {
  const [pauseState, pauseAction, pausing] = useActionState<ActionState, FormData>(togglePauseAction, null);
  const [loadState, loadAction, loading] = useActionState<ActionState, FormData>(loadNowAction, null);
  const state = loadState ?? pauseState;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <form action={pauseAction}>
          <input type="hidden" name="channel" value={channel} />
          <input type="hidden" name="paused" value={paused ? "false" : "true"} />
          <button type="submit" disabled={pausing} aria-label={`${paused ? "Возобновить" : "Приостановить"}: ${label}`}
            className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
            {paused ? "Возобновить" : "Приостановить"}
          </button>
        </form>
        <form action={loadAction}>
          <input type="hidden" name="channel" value={channel} />
          <button type="submit" disabled={loading || paused} aria-label={`Загрузить сейчас: ${label}`}
            className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-600 disabled:opacity-60">
            {loading ? "Загрузка…" : "Загрузить сейчас"}
          </button>
        </form>
      </div>
      <p aria-live="polite" className={`text-xs ${state && !state.ok ? "text-red-800" : "text-slate-700"}`}>{state?.message}</p>
    </div>
  );
}
