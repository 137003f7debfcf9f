import { AppLink as Link } from "@/components/ui/app-link";
import type { ReportCell, ReportResult } from "@/lib/analytics/report";
import { DIMENSION_LABELS, MEASURE_INFO, type Measure } from "@/lib/analytics/report-config";
import { formatMeasure, queueHref } from "@/lib/analytics/report-format";

const th = "border border-slate-300 bg-slate-100 px-2 py-1 text-left align-bottom font-semibold";
const td = "whitespace-nowrap border border-slate-300 px-2 py-1 text-right tabular-nums";
const rowTh = "border border-slate-300 px-2 py-1 text-left align-middle font-normal";

function Value({
  cell,
  m,
  links,
  row,
  col,
}: {
  cell: ReportCell;
  m: Measure;
  links: boolean;
  row: string;
  col: string;
}) {
  const text = formatMeasure(m, cell.values[m]);
  const href = links && cell.n > 0 && cell.values[m] != null ? queueHref(cell.queue, m) : null;
  return (
    <td className={td} data-row={row} data-col={col} data-measure={m}>
      {href ? (
        <Link href={href} className="text-brand-700 underline decoration-dotted underline-offset-2 print:no-underline">
          {text}
        </Link>
      ) : (
        text
      )}
    </td>
  );
}

/** The report as a table: row headers, each column value × measure, «Итого» column and row.
 * With `links` each figure opens the queue filtered to the messages behind it. */
export function ReportTable({
  result,
  links = true,
  caption,
}: {
  result: ReportResult;
  links?: boolean;
  caption: string;
}) {
  const c = result.config;
  const ms = c.measures;
  const hasCols = result.columns.length > 0;
  const rowDims = c.rows;
  const rowLabel = (labels: string[]) => labels.join(" / ") || "Все сообщения";
  return (
    <div className="overflow-x-auto print:overflow-visible" role="region" aria-label={caption} tabIndex={0}>
      <table className="min-w-full border-collapse text-sm" data-testid="report-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {rowDims.length === 0 ? (
              <th scope="col" rowSpan={hasCols ? 2 : 1} className={th}>
                <span className="sr-only">Строка</span>
              </th>
            ) : (
              rowDims.map((d) => (
                <th key={d} scope="col" rowSpan={hasCols ? 2 : 1} className={th}>
                  {DIMENSION_LABELS[d]}
                </th>
              ))
            )}
            {hasCols
              ? [...result.columns.map((col) => col.label), "Итого"].map((label, i) => (
                  <th key={i} scope="colgroup" colSpan={ms.length} className={`${th} text-center`}>
                    {label}
                  </th>
                ))
              : ms.map((m) => (
                  <th key={m} scope="col" className={`${th} text-right`} title={MEASURE_INFO[m].hint}>
                    {MEASURE_INFO[m].label}
                  </th>
                ))}
          </tr>
          {hasCols && (
            <tr>
              {[...result.columns, null].flatMap((col, i) =>
                ms.map((m) => (
                  <th key={`${i}-${m}`} scope="col" className={`${th} text-right text-xs`} title={MEASURE_INFO[m].hint}>
                    {MEASURE_INFO[m].label}
                  </th>
                )),
              )}
            </tr>
          )}
        </thead>
        <tbody>
          {result.rows.map((row, i) => {
            const label = rowLabel(row.headers.map((h) => h.label));
            return (
              <tr key={i} className="even:bg-slate-50">
                {row.headers.length === 0 ? (
                  <th scope="row" className={rowTh}>
                    Все сообщения
                  </th>
                ) : (
                  row.headers.map((h, j) => (
                    <th key={j} scope="row" className={rowTh}>
                      {h.label}
                    </th>
                  ))
                )}
                {row.cells.flatMap((cell, j) =>
                  ms.map((m) => (
                    <Value
                      key={`${j}-${m}`}
                      cell={cell}
                      m={m}
                      links={links}
                      row={label}
                      col={result.columns[j].label}
                    />
                  )),
                )}
                {ms.map((m) => (
                  <Value key={`t-${m}`} cell={row.total} m={m} links={links} row={label} col="Итого" />
                ))}
              </tr>
            );
          })}
        </tbody>
        {result.totals && (
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" colSpan={Math.max(1, rowDims.length)} className={`${rowTh} bg-slate-100 font-semibold`}>
                Итого
              </th>
              {result.totals.cells.flatMap((cell, j) =>
                ms.map((m) => (
                  <Value key={`${j}-${m}`} cell={cell} m={m} links={links} row="Итого" col={result.columns[j].label} />
                )),
              )}
              {ms.map((m) => (
                <Value key={`t-${m}`} cell={result.totals!.total} m={m} links={links} row="Итого" col="Итого" />
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
