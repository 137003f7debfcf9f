"use client";

import { problemStatusAction } from "@/app/(desk)/problems/actions";
import { FormStatus, inputClass, labelClass } from "@/components/workflow/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { PROBLEM_STATUS_LABELS } from "@/lib/problems/labels";
import { Button } from "@/components/ui/button";

export function ProblemStatusForm({ problemId, status }: { problemId: number; status: string }) {
  const { state, pending, form } = useFormAction(problemStatusAction);
  return (
    <form {...form} className="space-y-2">
      <input type="hidden" name="problemId" value={problemId} />
      <label htmlFor="problem-status" className={labelClass}>
        Статус проблемы
      </label>
      <div className="flex gap-2">
        <select id="problem-status" name="status" defaultValue={status} className={inputClass}>
          {Object.entries(PROBLEM_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" className="mt-1" disabled={pending}>
          Сохранить
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
