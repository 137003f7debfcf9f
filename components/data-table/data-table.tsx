"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { Pagination } from "@/components/ui/pagination";
import { useUrlParams } from "./use-url-params";
import { Table, THead, Td, Th } from "@/components/ui/table";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, rowSelectionFeature });
export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- one table mixes columns of different value types; unknown would reject them

/** URL sort value per sortable column id, e.g. { registeredAt: "registered" }. */
export type SortMap = Record<string, string>;

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return (
    el.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) ||
    !!el.closest("[role=dialog],[role=alertdialog]")
  );
}

/**
 * One server-driven table: the server sorts, filters and pages (TanStack Table in manual mode);
 * sort and page live in the URL. Rows can be selected (checkbox, x or space) and walked with the
 * keyboard (j/k or arrows, Enter opens); other keys go to `onShortcut`.
 */
export function DataTable<T extends RowData>({
  data,
  columns,
  getRowId,
  rowCount,
  page,
  perPage,
  sort,
  dir,
  sortMap,
  defaultDir,
  caption,
  emptyText,
  rowHref,
  rowSelection,
  onRowSelectionChange,
  onShortcut,
  countLabel,
}: {
  data: T[];
  columns: DataTableColumn<T>[];
  getRowId: (row: T) => string;
  rowCount: number;
  page: number;
  perPage: number;
  sort: string;
  dir: "asc" | "desc";
  sortMap: SortMap;
  defaultDir: (sort: string) => "asc" | "desc";
  caption: string;
  emptyText: string;
  rowHref: (row: T) => string;
  rowSelection: RowSelectionState;
  onRowSelectionChange: (next: RowSelectionState) => void;
  onShortcut?: (key: string, e: KeyboardEvent) => boolean;
  countLabel?: string;
}) {
  const { update, hrefWith, navigate, search } = useUrlParams();
  const [active, setActive] = useState(-1);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  const sortColumn = Object.entries(sortMap).find(([, v]) => v === sort)?.[0];
  const sorting: SortingState = useMemo(
    () => (sortColumn ? [{ id: sortColumn, desc: dir === "desc" }] : []),
    [sortColumn, dir],
  );
  const pagination = useMemo(() => ({ pageIndex: page - 1, pageSize: perPage }), [page, perPage]);

  const onSortingChange = useCallback(
    (u: Updater<SortingState>) => {
      const next = typeof u === "function" ? u(sorting) : u;
      const first = next[0];
      if (!first) return update({ sort: undefined, dir: undefined });
      const key = sortMap[first.id];
      const d = first.desc ? "desc" : "asc";
      update({ sort: key, dir: d === defaultDir(key) ? undefined : d });
    },
    [sorting, sortMap, update, defaultDir],
  );

  const onSelection = useCallback(
    (u: Updater<RowSelectionState>) => {
      onRowSelectionChange(typeof u === "function" ? u(rowSelection) : u);
    },
    [rowSelection, onRowSelectionChange],
  );

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    manualPagination: true,
    manualSorting: true,
    rowCount,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination, rowSelection },
    onSortingChange,
    onRowSelectionChange: onSelection,
  });
  const rows = table.getRowModel().rows;

  // A new page of data: the keyboard cursor starts over (during render, not in an effect after it).
  const [activeData, setActiveData] = useState(data);
  if (data !== activeData) {
    setActiveData(data);
    setActive(-1);
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const move = (i: number) => {
        const n = Math.max(0, Math.min(rows.length - 1, i));
        setActive(n);
        rowRefs.current[n]?.focus();
      };
      const row = active >= 0 ? rows[active] : undefined;
      switch (e.key) {
        case "j":
        case "ArrowDown":
          if (!rows.length) return;
          move(active + 1);
          break;
        case "k":
        case "ArrowUp":
          if (!rows.length) return;
          move(active < 0 ? 0 : active - 1);
          break;
        case "Enter":
          if (!row || document.activeElement !== rowRefs.current[active]) return;
          navigate(rowHref(row.original));
          break;
        case "x":
        case " ":
          if (!row || (e.key === " " && document.activeElement !== rowRefs.current[active])) return;
          row.toggleSelected();
          break;
        default:
          if (!onShortcut?.(e.key, e)) return;
      }
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [rows, active, navigate, rowHref, onShortcut]);

  const params = Object.fromEntries(search.entries());
  return (
    <>
      <Table caption={caption}>
        <THead className="text-slate-800">
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const canSort = h.column.getCanSort() && h.column.id in sortMap;
                return (
                  <Th
                    key={h.id}
                    className="align-bottom"
                    aria-sort={
                      sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined
                    }
                  >
                    {h.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        onClick={h.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 font-semibold underline-offset-2 hover:underline"
                      >
                        <table.FlexRender header={h} />
                        <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={h} />
                    )}
                  </Th>
                );
              })}
            </tr>
          ))}
        </THead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="p-8 text-center text-slate-700">
                {emptyText}
              </td>
            </tr>
          )}
          {rows.map((row, i) => (
            <tr
              key={row.id}
              ref={(el) => {
                rowRefs.current[i] = el;
              }}
              tabIndex={i === active ? 0 : -1}
              data-testid={`row-${row.id}`}
              onFocus={() => setActive(i)}
              className={`border-t border-slate-200 align-top outline-none ${row.getIsSelected() ? "bg-brand-50" : ""} ${i === active ? "ring-2 ring-inset ring-brand-600" : "hover:bg-slate-50"}`}
            >
              {row.getAllCells().map((cell) => (
                <Td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      {countLabel ? (
        <nav aria-label="Страницы" className="mt-4 flex items-center gap-3 text-sm">
          <span>{countLabel}</span>
          {page > 1 && (
            <a
              className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
              href={hrefWith({ page: page - 1 })}
            >
              ← Назад
            </a>
          )}
          {page < table.getPageCount() && (
            <a
              className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
              href={hrefWith({ page: page + 1 })}
            >
              Вперёд →
            </a>
          )}
        </nav>
      ) : (
        <Pagination
          basePath={hrefWith({}).split("?")[0]}
          params={params}
          page={page}
          totalPages={Math.max(1, table.getPageCount())}
          count={rowCount}
        />
      )}
    </>
  );
}
