"use client";

import { clusterNowAction } from "@/app/(desk)/problems/actions";
import { FormStatus } from "@/components/workflow/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

/** «Сгруппировать сейчас»: runs the same grouping pass as the worker, at once. */
export function ClusterNowButton() {
  const { state, pending, form } = useFormAction(clusterNowAction);
  return (
    <form {...form} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Группируем…" : "Сгруппировать сейчас"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
