"use client";

import { useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";

/**
 * A button that asks before a destructive step (return, refusal). With `submit` it submits its
 * form after confirmation; otherwise it calls onConfirm. Without `confirm` it acts at once.
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  submit,
  onConfirm,
  className,
  disabled,
  confirm = true,
}: {
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  submit?: boolean;
  onConfirm?: () => void;
  className: string;
  disabled?: boolean;
  confirm?: boolean;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const act = () => (submit ? ref.current?.form?.requestSubmit() : onConfirm?.());
  if (!confirm) {
    return (
      <button
        ref={ref}
        type={submit ? "submit" : "button"}
        className={className}
        disabled={disabled}
        onClick={submit ? undefined : onConfirm}
      >
        {label}
      </button>
    );
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      onConfirm={act}
      trigger={
        <button ref={ref} type="button" className={className} disabled={disabled}>
          {label}
        </button>
      }
    />
  );
}
