"use client";

import { Dialog, DialogClose, dialogCloseClass } from "@/components/ui/dialog";

const KEYS: [string, string][] = [
  ["j или ↓", "следующая строка"],
  ["k или ↑", "предыдущая строка"],
  ["Enter", "открыть сообщение"],
  ["x или пробел", "выбрать / снять выбор"],
  ["r", "направить выбранные в блок"],
  ["?", "эта справка"],
  ["Esc", "закрыть окно"],
];

/** The «?» overlay listing the queue's keyboard shortcuts. */
export function KeyboardHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (v: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      width="w-[min(28rem,90vw)]"
      title="Клавиши очереди"
      description="Работают, когда курсор не в поле ввода."
      trigger={
        <button
          type="button"
          className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm"
          aria-keyshortcuts="?"
        >
          <span aria-hidden="true">?</span> <span>Клавиши</span>
        </button>
      }
    >
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {KEYS.map(([k, v]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono">{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <DialogClose className={dialogCloseClass}>Закрыть</DialogClose>
      </div>
    </Dialog>
  );
}
