"use client";

import { attachMessageAction } from "@/app/(desk)/problems/actions";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass } from "@/components/workflow/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { Button } from "@/components/ui/button";

export function ProblemAttachForm({ problemId }: { problemId: number }) {
  const { state, pending, form } = useFormAction(attachMessageAction, { resetOnSuccess: true });
  return (
    <form {...form} className="space-y-2" noValidate>
      <input type="hidden" name="problemId" value={problemId} />
      <label htmlFor="attach-message" className={labelClass}>
        Прикрепить сообщение №
      </label>
      <div className="flex gap-2">
        <input
          id="attach-message"
          name="messageId"
          inputMode="numeric"
          maxLength={TEXT_LIMITS.idInput}
          className={inputClass}
          required
          aria-invalid={hasFieldError(state, "messageId")}
          aria-describedby="attach-message-error"
        />
        <Button type="submit" variant="secondary" className="mt-1" disabled={pending}>
          Прикрепить
        </Button>
      </div>
      <FieldError state={state} name="messageId" id="attach-message-error" />
      <FormStatus state={state} />
    </form>
  );
}
