import type { ComponentPropsWithoutRef, ElementType } from "react";
import { cx } from "./cx";

const PADDING = { none: "", sm: "p-3", md: "p-4", lg: "p-6" } as const;

/** The desk's white bordered panel: `rounded border border-slate-200 bg-white`, `p-4` unless `padding` says otherwise. */
export function Card<T extends ElementType = "div">({
  as,
  padding = "md",
  className,
  ...rest
}: {
  as?: T;
  padding?: keyof typeof PADDING;
} & Omit<ComponentPropsWithoutRef<T>, "as">) {
  const Tag: ElementType = as ?? "div";
  return <Tag className={cx("rounded border border-slate-200 bg-white", PADDING[padding], className)} {...rest} />;
}
