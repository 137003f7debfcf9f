"use client";

import { saveRuleAction } from "@/app/(desk)/admin/routing/actions";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { useFormAction } from "@/components/forms/use-form-action";
import { NUMBER_LIMITS, TEXT_LIMITS } from "@/lib/validation/limits";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass } from "@/components/workflow/form-status";
import { Button } from "@/components/ui/button";

export type RuleFormValue = {
  id: number; name: string; priority: number; keywords: string[]; channel: string | null; locality: string | null;
  topicId: number | null; blockId: number;
};

/** Creates a routing rule (no `rule`) or edits one. Conditions combine with AND; keywords with OR. */
export function RuleForm({ rule, topics, blocks }: {
  rule?: RuleFormValue; topics: { id: number; name: string }[]; blocks: { id: number; shortName: string }[];
}) {
  const { state, pending, form } = useFormAction(saveRuleAction, { resetOnSuccess: !rule });
  const p = rule ? `rule-${rule.id}` : "rule-new";
  const field = (name: string) => ({
    id: `${p}-${name}`, name, "aria-invalid": hasFieldError(state, name), "aria-describedby": `${p}-${name}-error`,
  });
  return (
    <form {...form} className="space-y-3" noValidate data-testid={rule ? `rule-form-${rule.id}` : "rule-form-new"}>
      {rule && <input type="hidden" name="id" value={rule.id} />}
      <div className="grid gap-3 md:grid-cols-3">
        <div className="md:col-span-2">
          <label htmlFor={`${p}-name`} className={labelClass}>Название правила</label>
          <input {...field("name")} type="text" required maxLength={TEXT_LIMITS.name} defaultValue={rule?.name} className={inputClass} />
          <FieldError state={state} name="name" id={`${p}-name-error`} />
        </div>
        <div>
          <label htmlFor={`${p}-priority`} className={labelClass}>Приоритет (меньше — раньше)</label>
          <input {...field("priority")} type="number" min={NUMBER_LIMITS.rulePriority.min} max={NUMBER_LIMITS.rulePriority.max} defaultValue={rule?.priority} placeholder="в конец списка" className={inputClass} />
          <FieldError state={state} name="priority" id={`${p}-priority-error`} />
        </div>
      </div>
      <div>
        <label htmlFor={`${p}-keywords`} className={labelClass}>Ключевые слова (через запятую или с новой строки; достаточно одного)</label>
        <textarea {...field("keywords")} rows={2} maxLength={TEXT_LIMITS.keywords} defaultValue={rule?.keywords.join(", ")} className={inputClass} />
        <FieldError state={state} name="keywords" id={`${p}-keywords-error`} />
      </div>
      <div className="grid gap-3 md:grid-cols-4">
        <div>
          <label htmlFor={`${p}-channel`} className={labelClass}>Канал</label>
          <select {...field("channel")} defaultValue={rule?.channel ?? ""} className={inputClass}>
            <option value="">любой</option>
            {Object.entries(CHANNEL_LABELS).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </select>
          <FieldError state={state} name="channel" id={`${p}-channel-error`} />
        </div>
        <div>
          <label htmlFor={`${p}-locality`} className={labelClass}>Населённый пункт</label>
          <input {...field("locality")} type="text" maxLength={TEXT_LIMITS.name} defaultValue={rule?.locality ?? ""} placeholder="любой" className={inputClass} />
          <FieldError state={state} name="locality" id={`${p}-locality-error`} />
        </div>
        <div>
          <label htmlFor={`${p}-topicId`} className={labelClass}>Тема</label>
          <select {...field("topicId")} defaultValue={rule?.topicId ?? ""} className={inputClass}>
            <option value="">любая</option>
            {topics.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <FieldError state={state} name="topicId" id={`${p}-topicId-error`} />
        </div>
        <div>
          <label htmlFor={`${p}-blockId`} className={labelClass}>Направлять в блок</label>
          <select {...field("blockId")} required defaultValue={rule?.blockId ?? ""} className={inputClass}>
            {!rule && <option value="">— выберите —</option>}
            {blocks.map((b) => <option key={b.id} value={b.id}>{b.shortName}</option>)}
          </select>
          <FieldError state={state} name="blockId" id={`${p}-blockId-error`} />
        </div>
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Сохранение…" : rule ? "Сохранить правило" : "Добавить правило"}</Button>
      <FormStatus state={state} />
    </form>
  );
}
