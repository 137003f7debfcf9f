import type { ComponentPropsWithoutRef } from "react";
import { cx } from "./cx";

const VARIANTS = {
  primary: "rounded bg-brand-700 font-medium text-white hover:bg-brand-600 disabled:opacity-60",
  secondary:
    "rounded border border-slate-400 bg-white font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60",
  danger: "rounded bg-red-800 font-medium text-white hover:bg-red-700 disabled:opacity-60",
} as const;

const SIZES = { md: "px-4 py-2 text-sm", sm: "px-3 py-1 text-sm", xs: "px-2 py-0.5 text-xs" } as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** The classes of a button, for elements that must look like one (links, Radix triggers and closes). */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string): string {
  return cx(VARIANTS[variant], SIZES[size], className);
}

/**
 * The desk's button. It has no state or handlers of its own, so it renders in server components too
 * (a form posting to a server action); a client component passes onClick as to any button.
 * `type` defaults to "button" so that a button never submits a form by accident.
 */
export function Button({
  variant = "primary",
  size = "md",
  className,
  type = "button",
  ...rest
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
} & ComponentPropsWithoutRef<"button">) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}
