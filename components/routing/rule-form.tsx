"use client";

import { saveRuleAction } from "@/app/(desk)/admin/routing/actions";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { useFormAction } from "@/components/forms/use-form-action";
import { NUMBER_LIMITS, TEXT_LIMITS } from "@/lib/validation/limits";
import { FormStatus, inputClass, fieldError } from "@/components/workflow/form-status";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export type RuleFormValue = {
  id: number;
  name: string;
  priority: number;
  keywords: string[];
  channel: string | null;
  locality: string | null;
  topicId: number | null;
  blockId: number;
};

/** Creates a routing rule (no `rule`) or edits one. Conditions combine with AND; keywords with OR. */
export function RuleForm({
  rule,
  topics,
  blocks,
}: {
  rule?: RuleFormValue;
  topics: { id: number; name: string }[];
  blocks: { id: number; shortName: string }[];
}) {
  const { state, pending, form } = useFormAction(saveRuleAction, { resetOnSuccess: !rule });
  const p = rule ? `rule-${rule.id}` : "rule-new";
  return (
    <form {...form} className="space-y-3" noValidate data-testid={rule ? `rule-form-${rule.id}` : "rule-form-new"}>
      {rule && <input type="hidden" name="id" value={rule.id} />}
      <div className="grid gap-3 md:grid-cols-3">
        <Field id={`${p}-name`} label="Название правила" error={fieldError(state, "name")} className="md:col-span-2">
          <input
            name="name"
            type="text"
            required
            maxLength={TEXT_LIMITS.name}
            defaultValue={rule?.name}
            className={inputClass}
          />
        </Field>
        <Field id={`${p}-priority`} label="Приоритет (меньше — раньше)" error={fieldError(state, "priority")}>
          <input
            name="priority"
            type="number"
            min={NUMBER_LIMITS.rulePriority.min}
            max={NUMBER_LIMITS.rulePriority.max}
            defaultValue={rule?.priority}
            placeholder="в конец списка"
            className={inputClass}
          />
        </Field>
      </div>
      <Field
        id={`${p}-keywords`}
        label="Ключевые слова (через запятую или с новой строки; достаточно одного)"
        error={fieldError(state, "keywords")}
      >
        <textarea
          name="keywords"
          rows={2}
          maxLength={TEXT_LIMITS.keywords}
          defaultValue={rule?.keywords.join(", ")}
          className={inputClass}
        />
      </Field>
      <div className="grid gap-3 md:grid-cols-4">
        <Field id={`${p}-channel`} label="Канал" error={fieldError(state, "channel")}>
          <select name="channel" defaultValue={rule?.channel ?? ""} className={inputClass}>
            <option value="">любой</option>
            {Object.entries(CHANNEL_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${p}-locality`} label="Населённый пункт" error={fieldError(state, "locality")}>
          <input
            name="locality"
            type="text"
            maxLength={TEXT_LIMITS.name}
            defaultValue={rule?.locality ?? ""}
            placeholder="любой"
            className={inputClass}
          />
        </Field>
        <Field id={`${p}-topicId`} label="Тема" error={fieldError(state, "topicId")}>
          <select name="topicId" defaultValue={rule?.topicId ?? ""} className={inputClass}>
            <option value="">любая</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${p}-blockId`} label="Направлять в блок" error={fieldError(state, "blockId")}>
          <select name="blockId" required defaultValue={rule?.blockId ?? ""} className={inputClass}>
            {!rule && <option value="">— выберите —</option>}
            {blocks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.shortName}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Сохранение…" : rule ? "Сохранить правило" : "Добавить правило"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
