"use client";

import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { reviewAction } from "@/app/(desk)/messages/[id]/actions";
import { REVIEW_CHECKLIST } from "@/lib/workflow/review-checklist";
import { ConfirmButton } from "./confirm-button";
import { FormStatus, inputClass, labelClass, primaryButton, fieldError } from "./form-status";
import { Field } from "@/components/ui/field";

/** The coordinator's decision on the submitted round: approve, or return with a checklist. */
export function ReviewForm({ messageId, round, needsCall }: { messageId: number; round: number; needsCall: boolean }) {
  // Submits through onSubmit: a refused save keeps what was typed (see useFormAction).
  const { state, pending, form } = useFormAction(reviewAction, { resetOnSuccess: true });
  const [decision, setDecision] = useState<"approved" | "returned">("approved");
  return (
    <form {...form} className="space-y-3" noValidate>
      <input type="hidden" name="messageId" value={messageId} />
      <fieldset>
        <legend className={labelClass}>Решение по ответу (раунд {round})</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="decision"
              value="approved"
              checked={decision === "approved"}
              onChange={() => setDecision("approved")}
            />
            Одобрить{needsCall ? " (дальше — звонок куратора)" : " и отправить"}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="decision"
              value="returned"
              checked={decision === "returned"}
              onChange={() => setDecision("returned")}
            />
            Вернуть на доработку
          </label>
        </div>
      </fieldset>
      {decision === "returned" && (
        <fieldset aria-describedby="review-comment-error">
          <legend className={labelClass}>Что не так с ответом</legend>
          <div className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
            {Object.entries(REVIEW_CHECKLIST).map(([code, label]) => (
              <label key={code} className="flex items-center gap-2">
                <input type="checkbox" name="checklist" value={code} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Field id="review-comment" label="Комментарий руководителю блока" error={fieldError(state, "comment")}>
        <textarea name="comment" rows={3} maxLength={TEXT_LIMITS.comment} className={inputClass} />
      </Field>
      <ConfirmButton
        submit
        confirm={decision === "returned"}
        disabled={pending}
        className={primaryButton}
        label={decision === "returned" ? "Вернуть на доработку" : "Одобрить ответ"}
        title="Вернуть ответ на доработку?"
        confirmLabel="Да, вернуть"
        description="Руководитель блока получит уведомление с отмеченными пунктами и комментарием; этот раунд проверки сохранится в истории."
      />
      <FormStatus state={state} />
    </form>
  );
}
