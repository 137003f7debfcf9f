"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { NUMBER_LIMITS, TEXT_LIMITS } from "@/lib/validation/limits";
import { logContactAction } from "@/app/(desk)/messages/[id]/actions";
import { CALL_OUTCOME_LABELS } from "./labels";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass } from "./form-status";
import { Button } from "@/components/ui/button";

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
            <label key={code} className="flex items-center gap-2"><input type="radio" name="outcome" value={code} defaultChecked={i === 0} />{label}</label>
          ))}
        </div>
        <FieldError state={state} name="outcome" id="contact-outcome-error" />
      </fieldset>
      <div>
        <label htmlFor="contact-notes" className={labelClass}>Заметки о разговоре</label>
        <textarea id="contact-notes" name="notes" rows={2} maxLength={TEXT_LIMITS.note} className={inputClass} aria-describedby="contact-notes-error" />
        <FieldError state={state} name="notes" id="contact-notes-error" />
      </div>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="contact-duration" className={labelClass}>Длительность, мин</label>
          <input id="contact-duration" name="durationMin" type="number" min={NUMBER_LIMITS.callMinutes.min} max={NUMBER_LIMITS.callMinutes.max} step={0.5} inputMode="decimal" className={inputClass}
            aria-invalid={hasFieldError(state, "durationMin")} aria-describedby="contact-duration-error" />
          <FieldError state={state} name="durationMin" id="contact-duration-error" />
        </div>
        <div>
          <label htmlFor="contact-next" className={labelClass}>Следующая попытка (время сахалинское)</label>
          <input id="contact-next" name="nextAttemptAt" type="datetime-local" className={inputClass}
            aria-invalid={hasFieldError(state, "nextAttemptAt")} aria-describedby="contact-next-error" />
          <FieldError state={state} name="nextAttemptAt" id="contact-next-error" />
        </div>
      </div>
      <Button type="submit" disabled={pending}>Записать звонок</Button>
      <FormStatus state={state} />
    </form>
  );
}
