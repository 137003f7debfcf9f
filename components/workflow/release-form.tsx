"use client";

import { useActionState } from "react";
import { releaseAction } from "@/app/(desk)/messages/[id]/actions";
import { FormStatus } from "./form-status";
import { Button } from "@/components/ui/button";

/** Sends the approved answer through the channel; for ПОС the server insists on a logged call. */
export function ReleaseForm({
  messageId,
  hint,
  lastError,
}: {
  messageId: number;
  hint: string | null;
  lastError: string | null;
}) {
  const [state, action, pending] = useActionState(releaseAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="messageId" value={messageId} />
      {hint && <p className="text-sm text-slate-700">{hint}</p>}
      {lastError && !state && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Прошлая попытка отправки не удалась: {lastError}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Отправляю…" : "Отправить ответ заявителю"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
