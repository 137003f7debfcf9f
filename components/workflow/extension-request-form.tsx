"use client";

import { useActionState } from "react";
import { requestExtensionAction } from "@/app/(desk)/messages/[id]/actions";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass, secondaryButton } from "./form-status";

export function ExtensionRequestForm({ messageId, termLabel }: { messageId: number; termLabel: string }) {
  const [state, action, pending] = useActionState(requestExtensionAction, null);
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="messageId" value={messageId} />
      <p className="text-sm text-slate-700">Срок по режиму сообщения можно продлить на {termLabel}; решение принимает координатор.</p>
      <label htmlFor="extension-reason" className={labelClass}>Причина продления</label>
      <textarea id="extension-reason" name="reason" rows={2} required className={inputClass}
        aria-invalid={hasFieldError(state, "reason")} aria-describedby="extension-reason-error" />
      <FieldError state={state} name="reason" id="extension-reason-error" />
      <button type="submit" className={secondaryButton} disabled={pending}>Запросить продление</button>
      <FormStatus state={state} />
    </form>
  );
}
