"use client";

import { useState, useTransition } from "react";
import { copyReportAction } from "@/app/(desk)/reports/actions";

/** «Копировать себе» on a colleague's shared report (which stays read-only for this user). */
export function CopyReportButton({ id, name }: { id: number; name: string }) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={`Копировать себе «${name}»`}
        onClick={() => start(async () => setStatus(await copyReportAction(id)))}
        className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 disabled:opacity-60"
      >
        Копировать себе
      </button>
      <span aria-live="polite" className={`text-xs ${status?.ok === false ? "text-red-800" : "text-green-800"}`}>
        {status?.message}
      </span>
    </span>
  );
}
