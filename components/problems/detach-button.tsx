"use client";

import { detachMessageAction } from "@/app/(desk)/problems/actions";
import { ConfirmButton } from "@/components/workflow/confirm-button";
import { useFormAction } from "@/components/forms/use-form-action";

export function DetachButton({ problemId, messageId }: { problemId: number; messageId: number }) {
  const { state, pending, form } = useFormAction(detachMessageAction);
  return (
    <form {...form} className="flex flex-col items-start gap-1">
      <input type="hidden" name="problemId" value={problemId} />
      <input type="hidden" name="messageId" value={messageId} />
      <ConfirmButton
        submit
        label="Открепить"
        title={`Открепить сообщение № ${messageId}?`}
        confirmLabel="Открепить"
        disabled={pending}
        className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-60"
        description="Сообщение уйдёт из проблемы (запись об этом останется в истории) и автоматически в неё не вернётся."
      />
      <span aria-live="polite" className="text-xs text-red-800">
        {state && !state.ok ? state.message : ""}
      </span>
    </form>
  );
}
