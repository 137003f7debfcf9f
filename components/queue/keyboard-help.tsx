"use client";

import { Dialog } from "radix-ui";

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
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <button type="button" className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm" aria-keyshortcuts="?">
          <span aria-hidden="true">?</span> <span>Клавиши</span>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/4 z-50 w-[min(28rem,90vw)] -translate-x-1/2 rounded border border-slate-300 bg-white p-5 shadow-lg">
          <Dialog.Title className="text-lg font-semibold">Клавиши очереди</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-700">Работают, когда курсор не в поле ввода.</Dialog.Description>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {KEYS.map(([k, v]) => (
              <div key={k} className="contents">
                <dt><kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono">{k}</kbd></dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4 flex justify-end">
            <Dialog.Close className="rounded border border-slate-400 bg-white px-4 py-2 text-sm">Закрыть</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
