"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { returnMisroutedAction } from "@/app/(desk)/messages/[id]/actions";
import { ConfirmButton } from "./confirm-button";
import { FieldError, FormStatus, dangerButton, hasFieldError, inputClass, labelClass } from "./form-status";

/** The block head returns a misrouted message to the coordinators, with a required reason. */
export function ReturnForm({ messageId }: { messageId: number }) {
  // Submits through onSubmit: a refused save keeps what was typed (see useFormAction).
  const { state, pending, form } = useFormAction(returnMisroutedAction, { resetOnSuccess: true });
  return (
    <form {...form} className="space-y-2" noValidate>
      <input type="hidden" name="messageId" value={messageId} />
      <label htmlFor="return-reason" className={labelClass}>
        Причина возврата (чей это вопрос и почему)
      </label>
      <textarea
        id="return-reason"
        name="reason"
        rows={2}
        required
        maxLength={TEXT_LIMITS.reason}
        className={inputClass}
        aria-invalid={hasFieldError(state, "reason")}
        aria-describedby="return-reason-error"
      />
      <FieldError state={state} name="reason" id="return-reason-error" />
      <ConfirmButton
        submit
        label="Вернуть координатору"
        className={dangerButton}
        disabled={pending}
        title="Вернуть сообщение координатору?"
        confirmLabel="Да, вернуть"
        description="Сообщение уйдёт из вашего блока на повторную маршрутизацию. Координаторы получат уведомление с указанной причиной."
      />
      <FormStatus state={state} />
    </form>
  );
}
