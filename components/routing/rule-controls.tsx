"use client";

import { moveRuleAction, setRuleActiveAction } from "@/app/(desk)/admin/routing/actions";
import { ConfirmButton } from "@/components/workflow/confirm-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/workflow/form-status";

const small = "rounded border border-slate-400 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50";

/** Order and on/off switches of one rule. Turning a rule off asks first: messages stop going by it. */
export function RuleControls({
  id,
  name,
  active,
  first,
  last,
}: {
  id: number;
  name: string;
  active: boolean;
  first: boolean;
  last: boolean;
}) {
  const { state: moveState, pending: moving, form: moveForm } = useFormAction(moveRuleAction);
  const { state: activeState, pending: toggling, form: toggleForm } = useFormAction(setRuleActiveAction);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-1">
        {active && (
          <form {...moveForm} className="flex gap-1">
            <input type="hidden" name="id" value={id} />
            <button
              type="submit"
              name="direction"
              value="up"
              disabled={moving || first}
              className={small}
              aria-label={`Поднять правило «${name}» выше`}
            >
              ↑
            </button>
            <button
              type="submit"
              name="direction"
              value="down"
              disabled={moving || last}
              className={small}
              aria-label={`Опустить правило «${name}» ниже`}
            >
              ↓
            </button>
          </form>
        )}
        <form {...toggleForm}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          {active ? (
            <ConfirmButton
              submit
              label="Отключить"
              className={small}
              disabled={toggling}
              title={`Отключить правило «${name}»?`}
              confirmLabel="Да, отключить"
              description="Новые сообщения перестанут направляться по этому правилу. Уже направленные останутся в своих блоках; правило можно включить снова."
            />
          ) : (
            <button type="submit" className={small} disabled={toggling}>
              Включить<span className="sr-only"> правило «{name}»</span>
            </button>
          )}
        </form>
      </div>
      <FormStatus state={activeState ?? moveState} />
    </div>
  );
}
