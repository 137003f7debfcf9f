import type { Metadata } from "next";
import { AppLink as Link } from "@/components/ui/app-link";
import { requirePage } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/search-params";
import { serializeReportConfig } from "@/lib/analytics/report-config";
import { filtersText, layoutText, periodText, reportNotes } from "@/lib/analytics/report-format";
import { loadReportPage } from "@/lib/analytics/report-page";
import { queueOptions } from "@/lib/queue/options";
import { formatDateTime, formatNumber } from "@/lib/format";
import { ReportTable } from "@/components/reports/report-table";
import { PrintButton } from "@/components/reports/print-button";

export const metadata: Metadata = { title: "Печатная форма отчёта" };

// The desk's header (navigation, bell, user) is not part of a printed report: hidden here on
// screen and on paper; the page is white and uses the whole sheet.
const PRINT_CSS = `
header:has(nav[aria-label="Основная навигация"]) { display: none; }
body { background: #fff; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  main { max-width: none !important; padding: 0 !important; }
  a { color: inherit !important; text-decoration: none !important; }
  table { page-break-inside: auto; font-size: 9pt; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
}`;

export default async function ReportPrintPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePage("/reports/print");
  const [page, options] = await Promise.all([loadReportPage(user, await searchParams), queueOptions(user)]);
  const { config, result } = page;
  const names = {
    topics: Object.fromEntries(options.topics.map((t) => [t.code, t.name])),
    blocks: Object.fromEntries(options.blocks.map((b) => [b.code, b.name])),
  };
  const back = config ? `/reports?${serializeReportConfig(config, { saved: page.saved?.id })}` : "/reports";
  return (
    <article className="bg-white text-black">
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex items-center gap-3 print:hidden">
        <Link href={back} className="text-brand-700 underline">
          ← К конструктору отчётов
        </Link>
        {result && result.messageCount > 0 && <PrintButton />}
      </div>
      <header className="mb-3 border-b border-slate-400 pb-2">
        <p className="text-xs uppercase tracking-wide text-slate-700">
          Администрация Холмского городского округа · Муниципальный центр управления
        </p>
        <h1 className="text-xl font-semibold">{page.title}</h1>
        {config && (
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt className="font-medium">Период:</dt>
            <dd data-testid="print-period">{periodText(config)}</dd>
            <dt className="font-medium">Фильтры:</dt>
            <dd>{filtersText(config, names)}</dd>
            <dt className="font-medium">Разрезы:</dt>
            <dd>{layoutText(config)}</dd>
            {result && (
              <>
                <dt className="font-medium">Сообщений:</dt>
                <dd>{formatNumber(result.messageCount)}</dd>
                <dt className="font-medium">Сформирован:</dt>
                <dd data-testid="print-generated">{formatDateTime(result.generatedAt)} (сахалинское время)</dd>
              </>
            )}
          </dl>
        )}
      </header>
      {page.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          Отчёт не построен: {page.error}
        </p>
      )}
      {page.savedError && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {page.savedError}
        </p>
      )}
      {config &&
        result &&
        (result.messageCount === 0 ? (
          <p className="text-sm">За выбранный период с этими фильтрами сообщений нет.</p>
        ) : (
          <ReportTable result={result} links={false} caption={`${page.title}: ${layoutText(config)}`} />
        ))}
      {result && result.rowsCut > 0 && (
        <p className="mt-2 text-sm">
          Показаны первые {formatNumber(result.rows.length)} строк; ещё {formatNumber(result.rowsCut)} не поместились.
        </p>
      )}
      {config && reportNotes(config).length > 0 && (
        <ul className="mt-3 list-disc space-y-0.5 pl-5 text-xs">
          {reportNotes(config).map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
