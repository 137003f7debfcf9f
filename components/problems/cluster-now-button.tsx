"use client";

import { clusterNowAction } from "@/app/(desk)/problems/actions";
import { FormStatus, secondaryButton } from "@/components/workflow/form-status";
import { useFormAction } from "@/components/forms/use-form-action";

/** «Сгруппировать сейчас»: runs the same grouping pass as the worker, at once. */
export function ClusterNowButton() {
  const { state, pending, form } = useFormAction(clusterNowAction);
  return (
    <form {...form} className="flex flex-wrap items-center gap-3">
      <button type="submit" className={secondaryButton} disabled={pending}>{pending ? "Группируем…" : "Сгруппировать сейчас"}</button>
      <FormStatus state={state} />
    </form>
  );
}
