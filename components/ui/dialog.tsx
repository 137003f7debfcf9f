"use client";

import type { ReactNode } from "react";
import { AlertDialog, Dialog as RadixDialog } from "radix-ui";
import { cx } from "./cx";

const overlayClass = "fixed inset-0 z-40 bg-slate-900/40";
const contentClass = "fixed left-1/2 z-50 -translate-x-1/2 rounded border border-slate-300 bg-white p-5 shadow-lg";
/** The plain «Отмена» / «Закрыть» button of a dialog. */
export const dialogCloseClass = "rounded border border-slate-400 bg-white px-4 py-2 text-sm";

/**
 * A modal dialog (Radix Dialog from the `radix-ui` package): overlay, centred panel, title and
 * description. `trigger` (optional) is the element that opens it; `width` and `top` are Tailwind
 * classes. Children render under the description; use `DialogClose` for a closing button.
 */
export function Dialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  descriptionClassName = "mt-1 text-sm text-slate-700",
  width = "w-[min(30rem,90vw)]",
  top = "top-1/4",
  children,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  trigger?: ReactNode;
  title?: ReactNode;
  description?: ReactNode;
  descriptionClassName?: string;
  width?: string;
  top?: string;
  children?: ReactNode;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={overlayClass} />
        <RadixDialog.Content className={cx(contentClass, top, width)}>
          {title && <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>}
          {description && (
            <RadixDialog.Description className={descriptionClassName}>{description}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export const DialogTitle = RadixDialog.Title;
export const DialogDescription = RadixDialog.Description;
export const DialogClose = RadixDialog.Close;

/**
 * A confirmation (Radix AlertDialog): title, description, «Отмена» and a red confirm button.
 * Focus starts on «Отмена», so Enter does not confirm a destructive step by accident.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={cx(contentClass, "top-1/3 w-[min(32rem,90vw)]")}>
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-800">{description}</AlertDialog.Description>
          <div className="mt-4 flex justify-end gap-2">
            <AlertDialog.Cancel className={dialogCloseClass}>Отмена</AlertDialog.Cancel>
            <AlertDialog.Action
              className="rounded bg-red-800 px-4 py-2 text-sm font-medium text-white"
              onClick={onConfirm}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
