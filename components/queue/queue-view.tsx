"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { RowSelectionState } from "@tanstack/react-table";
import type { QueueResult, QueueRow } from "@/lib/queue/list-queue";
import type { QueueOptions } from "@/lib/queue/options";
import type { SavedViewRow } from "@/lib/queue/saved-views";
import {
  COUNT_CAP,
  EXTRA_FILTER_KEYS,
  EXTRA_FILTER_LABELS,
  QUEUE_PRESETS,
  serializeQueueParams,
  sortDir,
  type PresetCode,
} from "@/lib/queue/params";
import { CHANNEL_LABELS, DEADLINE_STATE_LABELS, REGIME_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { formatNumber } from "@/lib/format";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { DataTable } from "@/components/data-table/data-table";
import { useUrlParams } from "@/components/data-table/use-url-params";
import { bulkQueueAction } from "@/app/(desk)/queue/actions";
import { queueColumns, QUEUE_SORT_MAP } from "./columns";
import { BulkDialog, type BulkKind } from "./bulk-dialog";
import { KeyboardHelp } from "./keyboard-help";
import { SavedViews } from "./saved-views";
import { Card } from "@/components/ui/card";

const defaultDir = (sort: string) => sortDir({ sort: sort as "registered" | "due" | "id" });
const getRowId = (r: QueueRow) => String(r.id);
const rowHref = (r: QueueRow) => `/messages/${r.id}`;

/** The click-through conditions (from dashboards and reports) in words, each removable. */
function extraFilterText(key: (typeof EXTRA_FILTER_KEYS)[number], value: string | number): string {
  if (key === "locality") return `населённый пункт: ${value}`;
  if (key === "problem") return `проблема № ${value}`;
  const labels = EXTRA_FILTER_LABELS[key] as Record<string, string>;
  return labels[String(value)] ?? String(value);
}

export function QueueView({
  result,
  counts,
  options,
  views,
  canAct = true,
}: {
  result: QueueResult;
  counts: Record<PresetCode, number>;
  options: QueueOptions;
  views: SavedViewRow[];
  /** false for read-only roles (the МЦУ curator arriving from a dashboard): no bulk actions. */
  canAct?: boolean;
}) {
  const p = result.params;
  const { update, hrefWith, pending } = useUrlParams();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [dialog, setDialog] = useState<BulkKind | null>(null);
  const [help, setHelp] = useState(false);
  const [summary, setSummary] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, startBulk] = useTransition();
  const selectedIds = Object.keys(selection)
    .filter((k) => selection[k])
    .map(Number);

  // Search: typed text goes to the URL 350 ms after the last key (and back to page 1).
  const [q, setQ] = useState(p.q ?? "");
  const lastSent = useRef(p.q ?? "");
  useEffect(() => {
    if (q.trim() === lastSent.current) return;
    const t = setTimeout(() => {
      lastSent.current = q.trim();
      update({ q: q.trim() || undefined }, { replace: true });
    }, 350);
    return () => clearTimeout(t);
  }, [q, update]);
  useEffect(() => {
    if ((p.q ?? "") !== lastSent.current) {
      lastSent.current = p.q ?? "";
      setQ(p.q ?? "");
    }
  }, [p.q]);

  // Selection belongs to the rows on screen: another page or filter starts empty.
  useEffect(() => setSelection({}), [result]);

  const onShortcut = useCallback(
    (key: string) => {
      if (key === "?") {
        setHelp(true);
        return true;
      }
      if (key === "r") {
        if (Object.values(selection).some(Boolean)) setDialog("route");
        else setSummary({ ok: false, message: "Сначала выберите сообщения (x или пробел)." });
        return true;
      }
      return false;
    },
    [selection],
  );

  const runBulk = (payload: Record<string, string>) => {
    const kind = dialog;
    if (!kind) return;
    startBulk(async () => {
      const r = await bulkQueueAction({ action: kind, ids: selectedIds, ...payload });
      setSummary(r);
      setDialog(null);
      if (r.ok) setSelection({});
    });
  };

  const select = (
    name: string,
    label: string,
    value: string | number | undefined,
    entries: [string | number, string][],
  ) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium">
        {label}
      </label>
      <select
        id={`f-${name}`}
        value={value ?? ""}
        onChange={(e) => update({ [name]: e.target.value || undefined })}
        className="mt-0.5 max-w-[14rem] rounded border border-slate-400 bg-white px-2 py-1"
      >
        <option value="">Все</option>
        {entries.map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );

  const currentQuery = serializeQueueParams(p, { page: false });
  const countLabel = result.countExact
    ? undefined
    : `Всего: более ${formatNumber(result.count)} · страница ${result.page} — уточните поиск`;

  return (
    <div className="space-y-4" aria-busy={pending}>
      <nav aria-label="Готовые виды" className="flex flex-wrap gap-2 text-sm">
        <Link
          href="/queue"
          aria-current={!p.preset && !currentQuery ? "page" : undefined}
          className={`rounded border px-3 py-1 ${!p.preset && !currentQuery ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
        >
          Все
        </Link>
        {QUEUE_PRESETS.map((pr) => {
          const on = p.preset === pr.code;
          return (
            <Link
              key={pr.code}
              href={hrefWith({ preset: on ? undefined : pr.code })}
              aria-current={on ? "page" : undefined}
              data-testid={`preset-${pr.code}`}
              className={`rounded border px-3 py-1 ${on ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
            >
              {pr.label}{" "}
              <span className="font-semibold">
                {counts[pr.code] > COUNT_CAP ? `${formatNumber(COUNT_CAP)}+` : formatNumber(counts[pr.code])}
              </span>
            </Link>
          );
        })}
      </nav>

      <div className="grid gap-4 lg:grid-cols-[1fr_18rem]">
        <Card aria-label="Фильтры" as="section" padding="sm" className="flex flex-wrap items-end gap-3 text-sm">
          <div className="grow">
            <label htmlFor="f-q" className="block text-xs font-medium">
              Поиск по тексту или номеру
            </label>
            <input
              id="f-q"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              maxLength={TEXT_LIMITS.search}
              placeholder="например: яма во дворе или 1234"
              className="mt-0.5 w-full min-w-[16rem] rounded border border-slate-400 px-2 py-1"
            />
          </div>
          {select("channel", "Канал", p.channel, Object.entries(CHANNEL_LABELS))}
          {select(
            "topic",
            "Тема",
            p.topic,
            options.topics.map((t) => [t.code, t.name]),
          )}
          {select(
            "block",
            "Блок",
            p.block,
            options.blocks.map((b) => [b.code, b.name]),
          )}
          {select("status", "Статус", p.status, Object.entries(STATUS_LABELS))}
          {select("regime", "Режим", p.regime, Object.entries(REGIME_LABELS))}
          {select(
            "deadline",
            "Срок",
            p.deadline,
            (["ok", "at_risk", "overdue"] as const).map((k) => [k, DEADLINE_STATE_LABELS[k]]),
          )}
          {select(
            "curator",
            "Куратор",
            p.curator,
            options.curators.map((c) => [c.id, c.name]),
          )}
          <div>
            <label htmlFor="f-from" className="block text-xs font-medium">
              Поступило с
            </label>
            <input
              id="f-from"
              type="date"
              value={p.from ?? ""}
              onChange={(e) => update({ from: e.target.value || undefined })}
              className="mt-0.5 rounded border border-slate-400 px-2 py-1"
            />
          </div>
          <div>
            <label htmlFor="f-to" className="block text-xs font-medium">
              по
            </label>
            <input
              id="f-to"
              type="date"
              value={p.to ?? ""}
              onChange={(e) => update({ to: e.target.value || undefined })}
              className="mt-0.5 rounded border border-slate-400 px-2 py-1"
            />
          </div>
          {currentQuery && (
            <Link href="/queue" className="py-1 text-brand-700 underline">
              Сбросить
            </Link>
          )}
        </Card>
        <SavedViews views={views} currentQuery={currentQuery} />
      </div>

      {EXTRA_FILTER_KEYS.some((k) => p[k] !== undefined) && (
        <section
          aria-label="Дополнительные условия"
          className="flex flex-wrap items-center gap-2 text-sm"
          data-testid="extra-filters"
        >
          <span className="font-medium">Дополнительные условия:</span>
          {EXTRA_FILTER_KEYS.filter((k) => p[k] !== undefined).map((k) => (
            <Link
              key={k}
              href={hrefWith({ [k]: undefined })}
              className="rounded-full border border-brand-700 bg-brand-50 px-3 py-0.5 hover:bg-white"
              aria-label={`Убрать условие «${extraFilterText(k, p[k]!)}»`}
            >
              {extraFilterText(k, p[k]!)} ✕
            </Link>
          ))}
        </section>
      )}

      {canAct && (
        <section aria-label="Действия с выбранными" className="flex flex-wrap items-center gap-2 text-sm">
          <span aria-live="polite" data-testid="selected-count">
            Выбрано: {selectedIds.length}
          </span>
          {(["route", "topic", "duplicate", "spam"] as const).map((k) => (
            <button
              key={k}
              type="button"
              disabled={!selectedIds.length || busy}
              onClick={() => setDialog(k)}
              aria-keyshortcuts={k === "route" ? "r" : undefined}
              className="rounded border border-slate-400 bg-white px-3 py-1.5 disabled:opacity-50"
            >
              {k === "route"
                ? "Направить в блок"
                : k === "topic"
                  ? "Сменить тему"
                  : k === "duplicate"
                    ? "Дубликат…"
                    : "Спам…"}
            </button>
          ))}
          <span className="ml-auto">
            <KeyboardHelp open={help} onOpenChange={setHelp} />
          </span>
        </section>
      )}
      <p
        role="status"
        aria-live="polite"
        data-testid="bulk-summary"
        className={`text-sm ${summary?.ok === false ? "text-red-800" : "text-green-900"}`}
      >
        {summary?.message}
      </p>

      <DataTable<QueueRow>
        data={result.data}
        columns={queueColumns}
        getRowId={getRowId}
        rowCount={result.count}
        page={result.page}
        perPage={result.perPage}
        sort={p.sort}
        dir={sortDir(p)}
        sortMap={QUEUE_SORT_MAP}
        defaultDir={defaultDir}
        caption="Сообщения жителей: очередь координатора"
        emptyText="По этим условиям сообщений нет."
        rowHref={rowHref}
        rowSelection={selection}
        onRowSelectionChange={setSelection}
        onShortcut={onShortcut}
        countLabel={countLabel}
      />

      <BulkDialog
        kind={dialog}
        count={selectedIds.length}
        options={options}
        busy={busy}
        onClose={() => setDialog(null)}
        onSubmit={runBulk}
      />
    </div>
  );
}
