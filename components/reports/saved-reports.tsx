"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useState, useTransition } from "react";
import type { ReportConfig } from "@/lib/analytics/report-config";
import { serializeReportConfig } from "@/lib/analytics/report-config";
import type { SavedReportRow, SharedReportRow } from "@/lib/analytics/report-saved";
import { ConfirmButton } from "@/components/workflow/confirm-button";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import {
  copyReportAction,
  deleteReportAction,
  renameReportAction,
  saveReportAction,
  shareReportAction,
  type ReportActionResult,
} from "@/app/(desk)/reports/actions";
import { Card } from "@/components/ui/card";

const small = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-60";
const openHref = (r: SavedReportRow) =>
  r.config ? `/reports?${serializeReportConfig(r.config, { saved: r.id })}` : `/reports?saved=${r.id}`;

function OwnReport({
  r,
  run,
  pending,
}: {
  r: SavedReportRow;
  run: (fn: () => Promise<ReportActionResult>) => void;
  pending: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(r.name);
  return (
    <li className="flex flex-wrap items-center gap-2 py-1">
      {editing ? (
        <form
          className="flex grow items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => renameReportAction({ id: r.id, name }));
            setEditing(false);
          }}
        >
          <label htmlFor={`rename-${r.id}`} className="sr-only">
            Новое название отчёта «{r.name}»
          </label>
          <input
            id={`rename-${r.id}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={TEXT_LIMITS.reportName}
            className="grow rounded border border-slate-400 px-2 py-0.5"
          />
          <button type="submit" className={small} disabled={pending}>
            Сохранить
          </button>
          <button
            type="button"
            className={small}
            onClick={() => {
              setEditing(false);
              setName(r.name);
            }}
          >
            Отмена
          </button>
        </form>
      ) : (
        <>
          <Link className="grow text-brand-700 underline" href={openHref(r)}>
            {r.name}
          </Link>
          {r.shared && <span className="rounded bg-green-50 px-1.5 text-xs text-green-900">общий</span>}
          <button
            type="button"
            className={small}
            onClick={() => setEditing(true)}
            aria-label={`Переименовать «${r.name}»`}
          >
            Переименовать
          </button>
          <button
            type="button"
            className={small}
            disabled={pending}
            aria-label={`${r.shared ? "Закрыть доступ к" : "Открыть коллегам"} «${r.name}»`}
            onClick={() => run(() => shareReportAction({ id: r.id, shared: !r.shared }))}
          >
            {r.shared ? "Закрыть доступ" : "Открыть коллегам"}
          </button>
          <ConfirmButton
            label="Удалить"
            title={`Удалить отчёт «${r.name}»?`}
            description="Будут удалены только настройки отчёта; сообщения жителей не изменятся. Коллеги, которым он был открыт, перестанут его видеть."
            confirmLabel="Да, удалить"
            className={small}
            disabled={pending}
            onConfirm={() => run(() => deleteReportAction(r.id))}
          />
        </>
      )}
    </li>
  );
}

/** Saved reports: save the current one, the user's own (rename, share, delete) and colleagues'
 * shared ones (open read-only, copy to own). */
export function SavedReports({
  own,
  shared,
  config,
}: {
  own: SavedReportRow[];
  shared: SharedReportRow[];
  config: ReportConfig | null;
}) {
  const [name, setName] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<ReportActionResult>) => start(async () => setStatus(await fn()));
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!config) return setStatus({ ok: false, message: "Сначала постройте отчёт без ошибок." });
    if (!name.trim()) return setStatus({ ok: false, message: "Введите название отчёта." });
    start(async () => {
      const r = await saveReportAction({ name, config });
      setStatus(r);
      if (r.ok) setName("");
    });
  };
  return (
    <Card aria-labelledby="saved-h" as="section" className="text-sm print:hidden">
      <h2 id="saved-h" className="font-semibold">
        Сохранённые отчёты
      </h2>
      <form onSubmit={save} className="mt-2 flex items-end gap-2">
        <div className="grow">
          <label htmlFor="report-name" className="block text-xs font-medium">
            Сохранить текущий отчёт как
          </label>
          <input
            id="report-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={TEXT_LIMITS.reportName}
            className="mt-0.5 w-full rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-white disabled:opacity-60"
        >
          Сохранить отчёт
        </button>
      </form>
      <p
        aria-live="polite"
        className={`mt-1 min-h-4 text-xs ${status?.ok === false ? "text-red-800" : "text-green-800"}`}
      >
        {status?.message}
      </p>

      <h3 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-700">Мои</h3>
      {own.length === 0 ? (
        <p className="text-slate-700">Вы ещё не сохраняли отчётов.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="own-reports">
          {own.map((r) => (
            <OwnReport key={`${r.id}-${r.name}`} r={r} run={run} pending={pending} />
          ))}
        </ul>
      )}
      <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-700">Открытые коллегами</h3>
      {shared.length === 0 ? (
        <p className="text-slate-700">Коллеги пока не открыли вам ни одного отчёта.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="shared-reports">
          {shared.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-1">
              <Link className="grow text-brand-700 underline" href={openHref(r)}>
                {r.name}
              </Link>
              <span className="text-xs text-slate-700">{r.ownerName}</span>
              <button
                type="button"
                className={small}
                disabled={pending}
                aria-label={`Копировать себе «${r.name}»`}
                onClick={() => run(() => copyReportAction(r.id))}
              >
                Копировать себе
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
