"use client";

import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { decideExtensionAction } from "@/app/(desk)/messages/[id]/actions";
import { ConfirmButton } from "./confirm-button";
import { FormStatus, inputClass, labelClass, primaryButton, fieldError } from "./form-status";
import { Field } from "@/components/ui/field";

export function ExtensionDecisionForm({
  messageId,
  reason,
  requestedBy,
  currentDue,
  newDue,
}: {
  messageId: number;
  reason: string;
  requestedBy: string;
  currentDue: string;
  newDue: string | null;
}) {
  // Submits through onSubmit: a refused save keeps what was typed (see useFormAction).
  const { state, pending, form } = useFormAction(decideExtensionAction, { resetOnSuccess: true });
  const [decision, setDecision] = useState<"approved" | "denied">(newDue ? "approved" : "denied");
  return (
    <form {...form} className="space-y-3" noValidate>
      <input type="hidden" name="messageId" value={messageId} />
      <div className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
        <p>
          <span className="font-medium">{requestedBy}</span> просит продлить срок: {reason}
        </p>
        <p className="mt-1">
          Текущий срок: {currentDue}.{" "}
          {newDue
            ? `При одобрении новый срок — ${newDue} (по производственному календарю).`
            : "Лимит продлений исчерпан."}
        </p>
      </div>
      <fieldset>
        <legend className={labelClass}>Решение</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="decision"
              value="approved"
              disabled={!newDue}
              checked={decision === "approved"}
              onChange={() => setDecision("approved")}
            />
            Продлить срок
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="decision"
              value="denied"
              checked={decision === "denied"}
              onChange={() => setDecision("denied")}
            />
            Отказать
          </label>
        </div>
      </fieldset>
      <Field
        id="extension-comment"
        label={<>Комментарий{decision === "denied" ? " (причина отказа)" : ""}</>}
        error={fieldError(state, "comment")}
      >
        <textarea name="comment" rows={2} maxLength={TEXT_LIMITS.note} className={inputClass} />
      </Field>
      <ConfirmButton
        submit
        confirm={decision === "denied"}
        disabled={pending}
        className={primaryButton}
        label={decision === "denied" ? "Отказать в продлении" : "Продлить срок"}
        title="Отказать в продлении срока?"
        confirmLabel="Да, отказать"
        description="Сообщение вернётся в работу с прежним сроком; руководитель блока получит уведомление."
      />
      <FormStatus state={state} />
    </form>
  );
}
