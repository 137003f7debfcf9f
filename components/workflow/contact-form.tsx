"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { NUMBER_LIMITS, TEXT_LIMITS } from "@/lib/validation/limits";
import { logContactAction } from "@/app/(desk)/messages/[id]/actions";
import { CALL_OUTCOME_LABELS } from "./labels";
import { FieldError, FormStatus, inputClass, labelClass, fieldError } from "./form-status";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** The curator's call log. Times are Sakhalin time whatever the browser's zone. */
export function ContactForm({ messageId }: { messageId: number }) {
  // Submits through onSubmit: a refused save keeps what was typed (see useFormAction).
  const { state, pending, form } = useFormAction(logContactAction, { resetOnSuccess: true });
  return (
    <form {...form} className="space-y-3" noValidate>
      <input type="hidden" name="messageId" value={messageId} />
      <fieldset aria-describedby="contact-outcome-error">
        <legend className={labelClass}>Результат звонка</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {Object.entries(CALL_OUTCOME_LABELS).map(([code, label], i) => (
            <label key={code} className="flex items-center gap-2">
              <input type="radio" name="outcome" value={code} defaultChecked={i === 0} />
              {label}
            </label>
          ))}
        </div>
        <FieldError state={state} name="outcome" id="contact-outcome-error" />
      </fieldset>
      <Field id="contact-notes" label="Заметки о разговоре" error={fieldError(state, "notes")}>
        <textarea name="notes" rows={2} maxLength={TEXT_LIMITS.note} className={inputClass} />
      </Field>
      <div className="flex flex-wrap gap-4">
        <Field id="contact-duration" label="Длительность, мин" error={fieldError(state, "durationMin")}>
          <input
            name="durationMin"
            type="number"
            min={NUMBER_LIMITS.callMinutes.min}
            max={NUMBER_LIMITS.callMinutes.max}
            step={0.5}
            inputMode="decimal"
            className={inputClass}
          />
        </Field>
        <Field
          id="contact-next"
          label="Следующая попытка (время сахалинское)"
          error={fieldError(state, "nextAttemptAt")}
        >
          <input name="nextAttemptAt" type="datetime-local" className={inputClass} />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Записать звонок
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
