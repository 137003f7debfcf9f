"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { requestExtensionAction } from "@/app/(desk)/messages/[id]/actions";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass } from "./form-status";
import { Button } from "@/components/ui/button";

export function ExtensionRequestForm({ messageId, termLabel }: { messageId: number; termLabel: string }) {
  // Submits through onSubmit: a refused save keeps what was typed (see useFormAction).
  const { state, pending, form } = useFormAction(requestExtensionAction, { resetOnSuccess: true });
  return (
    <form {...form} className="space-y-2" noValidate>
      <input type="hidden" name="messageId" value={messageId} />
      <p className="text-sm text-slate-700">
        Срок по режиму сообщения можно продлить на {termLabel}; решение принимает координатор.
      </p>
      <label htmlFor="extension-reason" className={labelClass}>
        Причина продления
      </label>
      <textarea
        id="extension-reason"
        name="reason"
        rows={2}
        required
        maxLength={TEXT_LIMITS.reason}
        className={inputClass}
        aria-invalid={hasFieldError(state, "reason")}
        aria-describedby="extension-reason-error"
      />
      <FieldError state={state} name="reason" id="extension-reason-error" />
      <Button type="submit" variant="secondary" disabled={pending}>
        Запросить продление
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
