"use client";

import { updatePolicyAction } from "@/app/(desk)/admin/policies/actions";
import { useFormAction } from "./use-form-action";
import { FormStatus, inputClass, labelClass, primaryButton } from "@/components/workflow/form-status";

export type PolicyFormValue = {
  regime: string; answerDays: number; answerUnit: string; firstReactionDays?: number | null; firstReactionUnit?: string | null;
  extensionDays: number; extensionUnit: string; maxExtensions: number; atRiskShare: number;
};

function UnitSelect({ id, name, value, label, allowNone }: { id: string; name: string; value: string | null; label: string; allowNone?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? (allowNone ? "" : "working")} className={inputClass}>
        {allowNone && <option value="">—</option>}
        <option value="working">рабочих дней</option>
        <option value="calendar">календарных дней</option>
      </select>
    </div>
  );
}

/** One regime's deadline policy; the server validates it with the deadline library's rules. */
export function PolicyForm({ policy, title }: { policy: PolicyFormValue; title: string }) {
  const { state, pending, form } = useFormAction(updatePolicyAction);
  const id = (s: string) => `policy-${policy.regime}-${s}`;
  const num = (name: keyof PolicyFormValue, label: string, value: number | null, opts: { min?: number; max?: number; step?: number; hint?: string } = {}) => (
    <div>
      <label htmlFor={id(name)} className={labelClass}>{label}</label>
      <input id={id(name)} name={name === "atRiskShare" ? "atRiskPercent" : name} type="number" inputMode="numeric" min={opts.min ?? 0} max={opts.max ?? 366} step={opts.step ?? 1}
        defaultValue={value ?? ""} className={inputClass} aria-describedby={opts.hint ? id(`${name}-hint`) : undefined} />
      {opts.hint && <p id={id(`${name}-hint`)} className="mt-1 text-xs text-slate-700">{opts.hint}</p>}
    </div>
  );
  return (
    <form {...form} className="space-y-3" noValidate aria-label={`Политика сроков: ${title}`} data-testid={`policy-form-${policy.regime}`}>
      <input type="hidden" name="regime" value={policy.regime} />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold">Срок ответа</legend>
        {num("answerDays", "Дней на ответ", policy.answerDays, { min: 1 })}
        <UnitSelect id={id("answerUnit")} name="answerUnit" value={policy.answerUnit} label="Вид дней (ответ)" />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold">Первая реакция</legend>
        {num("firstReactionDays", "Дней на первую реакцию", policy.firstReactionDays ?? null, { min: 1, hint: "Пусто — срока первой реакции нет." })}
        <UnitSelect id={id("firstReactionUnit")} name="firstReactionUnit" value={policy.firstReactionUnit ?? null} label="Вид дней (первая реакция)" allowNone />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-semibold">Продление</legend>
        {num("extensionDays", "Дней продления", policy.extensionDays, { min: 1 })}
        <UnitSelect id={id("extensionUnit")} name="extensionUnit" value={policy.extensionUnit} label="Вид дней (продление)" />
        {num("maxExtensions", "Продлений не более", policy.maxExtensions, { min: 0, max: 10, hint: "0 — продлевать нельзя." })}
      </fieldset>
      {num("atRiskShare", "«Под угрозой», когда осталось меньше, %", Math.round(policy.atRiskShare * 1000) / 10,
        { min: 1, max: 99, step: 0.1, hint: "Доля всего срока: при 20 % и сроке 10 дней — за 2 дня до конца срока." })}
      <button type="submit" disabled={pending} className={primaryButton}>{pending ? "Сохранение…" : "Сохранить"}</button>
      <FormStatus state={state} />
    </form>
  );
}
