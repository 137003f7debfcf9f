"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogDescription, DialogTitle, dialogCloseClass } from "@/components/ui/dialog";
import type { QueueOptions } from "@/lib/queue/options";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export type BulkKind = "route" | "topic" | "duplicate" | "spam";

const TITLES: Record<BulkKind, string> = {
  route: "Направить в блок",
  topic: "Сменить тему",
  duplicate: "Отметить как дубликат",
  spam: "Отклонить как спам",
};

/** One dialog for the four bulk actions; the caller runs the server action with the payload. */
export function BulkDialog({
  kind,
  count,
  options,
  busy,
  onClose,
  onSubmit,
}: {
  kind: BulkKind | null;
  count: number;
  options: QueueOptions;
  busy: boolean;
  onClose: () => void;
  onSubmit: (payload: Record<string, string>) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget).entries()) as Record<string, string>;
    if (kind === "route" && !f.blockId) return setError("Выберите блок.");
    if (kind === "topic" && !f.topicId) return setError("Выберите тему.");
    if (kind === "duplicate" && !/^\s*[№#]?\s*\d+\s*$/.test(f.originalId ?? ""))
      return setError("Введите номер исходного сообщения.");
    if (kind === "spam" && (f.reason ?? "").trim().length < 3)
      return setError("Укажите причину (не короче 3 символов).");
    setError(null);
    onSubmit(f);
  };
  return (
    <Dialog
      open={kind !== null}
      onOpenChange={(o) => {
        if (!o) {
          setError(null);
          onClose();
        }
      }}
    >
      {kind && (
        <form onSubmit={submit} noValidate>
          <DialogTitle className="text-lg font-semibold">{TITLES[kind]}</DialogTitle>
          <DialogDescription className="mt-1 text-sm text-slate-700">Выбрано сообщений: {count}.</DialogDescription>
          <div className="mt-3 text-sm">
            {kind === "route" && (
              <>
                <label htmlFor="bulk-block" className="block font-medium">
                  Блок
                </label>
                <select
                  id="bulk-block"
                  name="blockId"
                  defaultValue=""
                  className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
                  autoFocus
                >
                  <option value="">— выберите —</option>
                  {options.blocks.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            {kind === "topic" && (
              <>
                <label htmlFor="bulk-topic" className="block font-medium">
                  Тема
                </label>
                <select
                  id="bulk-topic"
                  name="topicId"
                  defaultValue=""
                  className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
                  autoFocus
                >
                  <option value="">— выберите —</option>
                  {options.topics.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            {kind === "duplicate" && (
              <>
                <label htmlFor="bulk-original" className="block font-medium">
                  Номер исходного сообщения
                </label>
                <input
                  id="bulk-original"
                  name="originalId"
                  inputMode="numeric"
                  maxLength={TEXT_LIMITS.idInput}
                  className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
                  autoFocus
                />
                <p className="mt-1 text-xs text-slate-600">
                  Дубликаты будут связаны с исходным и отклонены с причиной «Дубликат № …»; ничего не удаляется.
                </p>
              </>
            )}
            {kind === "spam" && (
              <>
                <label htmlFor="bulk-reason" className="block font-medium">
                  Причина (обязательно)
                </label>
                <textarea
                  id="bulk-reason"
                  name="reason"
                  rows={3}
                  maxLength={TEXT_LIMITS.reason}
                  className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
                  autoFocus
                />
              </>
            )}
          </div>
          <p role="alert" className="mt-2 text-sm text-red-800">
            {error}
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <DialogClose className={dialogCloseClass} type="button">
              Отмена
            </DialogClose>
            <Button
              type="submit"
              disabled={busy}
              variant={kind === "spam" || kind === "duplicate" ? "danger" : "primary"}
            >
              {busy
                ? "Выполняется…"
                : kind === "route"
                  ? "Направить"
                  : kind === "topic"
                    ? "Сменить тему"
                    : kind === "duplicate"
                      ? "Отметить дубликатом"
                      : "Отклонить"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
