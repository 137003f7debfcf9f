import { cloneElement, type ReactElement, type ReactNode } from "react";
import { cx } from "./cx";

export const labelClass = "block text-sm font-medium text-slate-800";
export const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * A label, one control and its hint and error message. The control gets `id`, `aria-invalid` and an
 * `aria-describedby` naming the hint and the error (`<id>-hint`, `<id>-error`), so a screen reader
 * reads the error with the field. The control keeps its own props (name, className, limits).
 */
export function Field({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = cx(children.props["aria-describedby"], hintId, errorId) || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {cloneElement(children, { id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
