import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cx } from "./cx";

/**
 * A data table in the desk's bordered, scrollable panel, with a caption for screen readers.
 * `frameClassName` adds to the panel (margins), `className` to the table.
 */
export function Table({
  caption,
  frameClassName,
  className,
  children,
  ...rest
}: {
  caption?: ReactNode;
  frameClassName?: string;
} & ComponentPropsWithoutRef<"table">) {
  return (
    <div className={cx("overflow-x-auto rounded border border-slate-200 bg-white", frameClassName)}>
      <table className={cx("w-full text-left text-sm", className)} {...rest}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

/** The header row group (grey background). */
export function THead({ className, ...rest }: ComponentPropsWithoutRef<"thead">) {
  return <thead className={cx("bg-slate-100", className)} {...rest} />;
}

/** A body row with the top rule between rows. */
export function Tr({ className, ...rest }: ComponentPropsWithoutRef<"tr">) {
  return <tr className={cx("border-t border-slate-200 align-top", className)} {...rest} />;
}

/** A column header (`scope="col"` unless given). */
export function Th({ className, scope = "col", ...rest }: ComponentPropsWithoutRef<"th">) {
  return <th scope={scope} className={cx("px-3 py-2", className)} {...rest} />;
}

export function Td({ className, ...rest }: ComponentPropsWithoutRef<"td">) {
  return <td className={cx("px-3 py-2", className)} {...rest} />;
}
