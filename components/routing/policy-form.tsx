"use client";

import { updatePolicyAction } from "@/app/(desk)/admin/policies/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus, fieldError, inputClass, labelClass } from "@/components/workflow/form-status";
import { Field } from "@/components/ui/field";
import { NUMBER_LIMITS } from "@/lib/validation/limits";
import { Button } from "@/components/ui/button";

export type PolicyFormValue = {
  regime: string;
  answerDays: number;
  answerUnit: string;
  firstReactionDays?: number | null;
  firstReactionUnit?: string | null;
  extensionDays: number;
  extensionUnit: string;
  maxExtensions: number;
  atRiskShare: number;
};

function UnitSelect({
  id,
  name,
  value,
  label,
  allowNone,
}: {
  id: string;
  name: string;
  value: string | null;
  label: string;
  allowNone?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
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
  const days = NUMBER_LIMITS.policyDays;
  const num = (
    name: keyof PolicyFormValue,
    label: string,
    value: number | null,
    opts: { min: number; max: number; step?: number; hint?: string },
  ) => {
    const field = name === "atRiskShare" ? "atRiskPercent" : name;
    return (
      <Field id={id(name)} label={label} hint={opts.hint} error={fieldError(state, field)}>
        <input
          name={field}
          type="number"
          inputMode="numeric"
          min={opts.min}
          max={opts.max}
          step={opts.step ?? 1}
          defaultValue={value ?? ""}
          className={inputClass}
        />
      </Field>
    );
  };
  return (
    <form
      {...form}
      className="space-y-3"
      noValidate
      aria-label={`Политика сроков: ${title}`}
      data-testid={`policy-form-${policy.regime}`}
    >
      <input type="hidden" name="regime" value={policy.regime} />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold">Срок ответа</legend>
        {num("answerDays", "Дней на ответ", policy.answerDays, days)}
        <UnitSelect id={id("answerUnit")} name="answerUnit" value={policy.answerUnit} label="Вид дней (ответ)" />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold">Первая реакция</legend>
        {num("firstReactionDays", "Дней на первую реакцию", policy.firstReactionDays ?? null, {
          ...days,
          hint: "Пусто — срока первой реакции нет.",
        })}
        <UnitSelect
          id={id("firstReactionUnit")}
          name="firstReactionUnit"
          value={policy.firstReactionUnit ?? null}
          label="Вид дней (первая реакция)"
          allowNone
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-semibold">Продление</legend>
        {num("extensionDays", "Дней продления", policy.extensionDays, days)}
        <UnitSelect
          id={id("extensionUnit")}
          name="extensionUnit"
          value={policy.extensionUnit}
          label="Вид дней (продление)"
        />
        {num("maxExtensions", "Продлений не более", policy.maxExtensions, {
          ...NUMBER_LIMITS.maxExtensions,
          hint: "0 — продлевать нельзя.",
        })}
      </fieldset>
      {num("atRiskShare", "«Под угрозой», когда осталось меньше, %", Math.round(policy.atRiskShare * 1000) / 10, {
        ...NUMBER_LIMITS.atRiskPercent,
        step: 0.1,
        hint: "Доля всего срока: при 20 % и сроке 10 дней — за 2 дня до конца срока.",
      })}
      <Button type="submit" disabled={pending}>
        {pending ? "Сохранение…" : "Сохранить"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
