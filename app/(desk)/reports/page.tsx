import type { Metadata } from "next";
import { AppLink as Link } from "@/components/ui/app-link";
import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/search-params";
import { serializeReportConfig } from "@/lib/analytics/report-config";
import { filtersText, layoutText, periodText, reportNotes } from "@/lib/analytics/report-format";
import { loadReportPage } from "@/lib/analytics/report-page";
import { listSavedReports } from "@/lib/analytics/report-saved";
import { queueOptions } from "@/lib/queue/options";
import { formatDateTime, formatNumber } from "@/lib/format";
import { BuilderForm } from "@/components/reports/builder-form";
import { ReportTable } from "@/components/reports/report-table";
import { SavedReports } from "@/components/reports/saved-reports";
import { CopyReportButton } from "@/components/reports/copy-report-button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Отчёты" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePage("/reports");
  const raw = await searchParams;
  const [page, saved, options] = await Promise.all([
    loadReportPage(user, raw),
    listSavedReports(user),
    queueOptions(user),
  ]);
  if (page.canonical) redirect(`/reports?${page.canonical}`);
  const { result, config } = page;
  const names = {
    topics: Object.fromEntries(options.topics.map((t) => [t.code, t.name])),
    blocks: Object.fromEntries(options.blocks.map((b) => [b.code, b.name])),
  };
  const query = config ? serializeReportConfig(config, { saved: page.saved?.id }) : "";
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Отчёты</h1>
      <p className="mb-4 text-sm text-slate-700">
        Статистические разрезы по сообщениям жителей: выберите строки, столбцы и показатели. Отчёт живёт в адресе
        страницы — его можно добавить в закладки или отправить коллеге. Щелчок по числу открывает эти сообщения в
        очереди.
      </p>
      {page.savedError && (
        <p role="alert" className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {page.savedError}
        </p>
      )}
      {page.saved && (
        <Card padding="sm" className="mb-3 flex flex-wrap items-center gap-3 text-sm" data-testid="saved-banner">
          <span>
            Сохранённый отчёт <strong>«{page.saved.name}»</strong>
            {page.saved.own
              ? page.saved.shared
                ? " · открыт коллегам"
                : " · виден только вам"
              : ` · автор: ${page.saved.ownerName} · только просмотр`}
          </span>
          {!page.saved.own && <CopyReportButton id={page.saved.id} name={page.saved.name} />}
        </Card>
      )}
      <div className="grid gap-4 lg:grid-cols-[1fr_24rem]">
        <BuilderForm values={page.values} options={options} />
        <SavedReports own={saved.own} shared={saved.shared} config={config} />
      </div>
      <div className="mt-4">
        <Card aria-labelledby="result-h" as="section">
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
            <h2 id="result-h" className="text-lg font-semibold">
              {page.title}
            </h2>
            {result && result.messageCount > 0 && (
              <nav aria-label="Выгрузка отчёта" className="ml-auto flex flex-wrap gap-2 text-sm">
                <Link
                  className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100"
                  href={`/reports/print?${query}`}
                >
                  Печатная форма
                </Link>
                <a
                  className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100"
                  href={`/api/reports/export?format=csv&${query}`}
                  download
                >
                  Скачать CSV
                </a>
                <a
                  className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100"
                  href={`/api/reports/export?format=xlsx&${query}`}
                  download
                >
                  Скачать XLSX
                </a>
              </nav>
            )}
          </div>
          {page.error && (
            <p
              role="alert"
              className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
              data-testid="report-error"
            >
              Отчёт не построен: {page.error}
            </p>
          )}
          {config && result && (
            <>
              <p className="mt-1 text-sm text-slate-700">
                Период {periodText(config)} · {filtersText(config, names)} · сообщений:{" "}
                {formatNumber(result.messageCount)} · сформирован {formatDateTime(result.generatedAt)}
              </p>
              {result.messageCount === 0 ? (
                <p className="mt-4 rounded border border-slate-200 bg-slate-50 p-4 text-sm" data-testid="report-empty">
                  За выбранный период с этими фильтрами сообщений нет. Расширьте период или снимите фильтры.
                </p>
              ) : (
                <div className="mt-3">
                  <ReportTable result={result} caption={`${page.title}: ${layoutText(config)}`} />
                  {result.rowsCut > 0 && (
                    <p className="mt-2 text-sm text-amber-900">
                      Показаны первые {formatNumber(result.rows.length)} строк; ещё {formatNumber(result.rowsCut)} не
                      поместились — сузьте отчёт фильтрами.
                    </p>
                  )}
                </div>
              )}
              {reportNotes(config).length > 0 && (
                <ul className="mt-3 list-disc space-y-0.5 pl-5 text-xs text-slate-700">
                  {reportNotes(config).map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Card>
      </div>
    </>
  );
}
