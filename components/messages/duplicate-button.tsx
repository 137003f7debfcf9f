"use client";

import { useActionState } from "react";
import { markDuplicateAction, type DuplicateState } from "@/app/(desk)/messages/[id]/related-actions";

export function DuplicateButton({ messageId, originalId }: { messageId: number; originalId: number }) {
  const [state, action, pending] = useActionState<DuplicateState, FormData>(markDuplicateAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="originalId" value={originalId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Отметить сообщение № ${messageId} дубликатом № ${originalId}`}
        className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        Дубликат
      </button>
      <span aria-live="polite" className={`text-xs ${state && !state.ok ? "text-red-800" : "text-green-800"}`}>
        {state?.message}
      </span>
    </form>
  );
}
