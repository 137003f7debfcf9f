"use client";

import { mergeProblemAction } from "@/app/(desk)/problems/actions";
import {
  FieldError,
  FormStatus,
  dangerButton,
  hasFieldError,
  inputClass,
  labelClass,
} from "@/components/workflow/form-status";
import { ConfirmButton } from "@/components/workflow/confirm-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";

/** Merging is not undone by a button, so it asks first. */
export function ProblemMergeForm({ problemId }: { problemId: number }) {
  const { state, pending, form } = useFormAction(mergeProblemAction);
  return (
    <form {...form} className="space-y-2" noValidate>
      <input type="hidden" name="problemId" value={problemId} />
      <label htmlFor="merge-target" className={labelClass}>
        Объединить с проблемой №
      </label>
      <div className="flex gap-2">
        <input
          id="merge-target"
          name="targetId"
          inputMode="numeric"
          maxLength={TEXT_LIMITS.idInput}
          className={inputClass}
          required
          aria-invalid={hasFieldError(state, "targetId")}
          aria-describedby="merge-target-error"
        />
        <ConfirmButton
          submit
          label="Объединить"
          title="Объединить проблемы?"
          confirmLabel="Объединить"
          className={`${dangerButton} mt-1`}
          disabled={pending}
          description={`Все сообщения проблемы № ${problemId} перейдут в указанную проблему; эта проблема останется в архиве со ссылкой на неё.`}
        />
      </div>
      <FieldError state={state} name="targetId" id="merge-target-error" />
      <FormStatus state={state} />
    </form>
  );
}
