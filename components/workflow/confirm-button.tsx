"use client";

import { useRef, useState } from "react";
import { AlertDialog } from "radix-ui";

/**
 * A button that asks before a destructive step (return, refusal). With `submit` it submits its
 * form after confirmation; otherwise it calls onConfirm. Without `confirm` it acts at once.
 */
export function ConfirmButton({ label, title, description, confirmLabel, submit, onConfirm, className, disabled, confirm = true }: {
  label: string; title: string; description: string; confirmLabel: string; submit?: boolean; onConfirm?: () => void;
  className: string; disabled?: boolean; confirm?: boolean;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const act = () => (submit ? ref.current?.form?.requestSubmit() : onConfirm?.());
  if (!confirm) {
    return <button ref={ref} type={submit ? "submit" : "button"} className={className} disabled={disabled} onClick={submit ? undefined : onConfirm}>{label}</button>;
  }
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <button ref={ref} type="button" className={className} disabled={disabled}>{label}</button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/3 z-50 w-[min(32rem,90vw)] -translate-x-1/2 rounded border border-slate-300 bg-white p-5 shadow-lg">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-800">{description}</AlertDialog.Description>
          <div className="mt-4 flex justify-end gap-2">
            <AlertDialog.Cancel className="rounded border border-slate-400 bg-white px-4 py-2 text-sm">Отмена</AlertDialog.Cancel>
            <AlertDialog.Action className="rounded bg-red-800 px-4 py-2 text-sm font-medium text-white" onClick={act}>{confirmLabel}</AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
