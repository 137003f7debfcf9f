"use client";

import { renameProblemAction } from "@/app/(desk)/problems/actions";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass } from "@/components/workflow/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { Button } from "@/components/ui/button";

export function ProblemRenameForm({ problemId, title }: { problemId: number; title: string }) {
  const { state, pending, form } = useFormAction(renameProblemAction);
  return (
    <form {...form} className="space-y-2" noValidate>
      <input type="hidden" name="problemId" value={problemId} />
      <label htmlFor="problem-title" className={labelClass}>
        Название
      </label>
      <div className="flex gap-2">
        <input
          id="problem-title"
          name="title"
          defaultValue={title}
          className={inputClass}
          required
          maxLength={TEXT_LIMITS.title}
          aria-invalid={hasFieldError(state, "title")}
          aria-describedby="problem-title-error"
        />
        <Button type="submit" variant="secondary" className="mt-1" disabled={pending}>
          Переименовать
        </Button>
      </div>
      <FieldError state={state} name="title" id="problem-title-error" />
      <FormStatus state={state} />
    </form>
  );
}
