"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { createColumnHelper } from "@tanstack/react-table";
import type { QueueRow } from "@/lib/queue/list-queue";
import { CHANNEL_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { DeadlineBadge } from "@/components/messages/deadline-badge";
import { dataTableFeatures, type SortMap } from "@/components/data-table/data-table";

const h = createColumnHelper<typeof dataTableFeatures, QueueRow>();

export const QUEUE_SORT_MAP: SortMap = { id: "id", registeredAt: "registered", dueAt: "due" };

export const queueColumns = h.columns([
  h.display({
    id: "select",
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Выбрать все на странице"
        className="size-4"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = !table.getIsAllPageRowsSelected() && table.getIsSomePageRowsSelected();
        }}
        onChange={() => table.toggleAllPageRowsSelected()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Выбрать сообщение № ${row.original.id}`}
        className="size-4"
        tabIndex={-1}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  h.accessor("id", {
    header: "№",
    cell: (c) => (
      <Link className="font-medium text-brand-700 underline" href={`/messages/${c.getValue()}`} tabIndex={-1}>
        {c.getValue()}
      </Link>
    ),
  }),
  h.accessor("channel", {
    header: "Канал",
    enableSorting: false,
    cell: (c) => <span className="whitespace-nowrap">{CHANNEL_LABELS[c.getValue()]}</span>,
  }),
  h.accessor("preview", {
    header: "Сообщение",
    enableSorting: false,
    cell: (c) => (
      <div className="max-w-md">
        <span className="line-clamp-2">{c.getValue()}</span>
        {c.row.original.locality && <span className="text-xs text-slate-600">{c.row.original.locality}</span>}
      </div>
    ),
  }),
  h.accessor("topic", {
    header: "Тема / блок",
    enableSorting: false,
    cell: (c) => (
      <>
        {c.getValue() ?? "—"}
        {c.row.original.needsReview && (
          <>
            {" "}
            <Badge tone="amber">разбор</Badge>
          </>
        )}
        <br />
        <span className="text-xs text-slate-600">{c.row.original.block ?? "блок не назначен"}</span>
      </>
    ),
  }),
  h.accessor("status", {
    header: "Статус",
    enableSorting: false,
    cell: (c) => <Badge tone="blue">{STATUS_LABELS[c.getValue()]}</Badge>,
  }),
  h.accessor("registeredAt", {
    header: "Поступило",
    cell: (c) => <span className="whitespace-nowrap">{formatDateTime(c.getValue())}</span>,
  }),
  h.accessor("dueAt", {
    header: "Срок",
    cell: (c) => (
      <span className="whitespace-nowrap">
        {formatDateTime(c.getValue())}
        <br />
        <DeadlineBadge state={c.row.original.deadlineState} />
      </span>
    ),
  }),
]);
