import type { Metadata } from "next";
import { Suspense } from "react";
import { GrowthPanel } from "@/components/growth/growth-panel";
import { requirePage } from "@/lib/auth/session";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { loadDashboard } from "@/lib/analytics/dashboard";
import { compareRows, kpiCards } from "@/lib/analytics/dashboard-figures";
import { longDate } from "@/lib/analytics/dashboard-period";
import { formatDateTime } from "@/lib/format";
import { PeriodControls } from "@/components/dashboard/period-controls";
import { KpiGrid } from "@/components/dashboard/kpi-grid";
import { ChartSection } from "@/components/dashboard/chart-section";
import { VolumeChart } from "@/components/dashboard/volume-chart";
import { SatisfactionTrend } from "@/components/dashboard/satisfaction-trend";
import { CompareBars } from "@/components/dashboard/compare-bars";
import {
  CallsTable,
  ComplianceTable,
  DimTable,
  OverdueList,
  SatisfactionTable,
  VolumeTable,
} from "@/components/dashboard/tables";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Показатели" };

const DIM_WORD = { topic: "темам", channel: "каналам", block: "блокам" } as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // The data layer also admits the МЦУ head, but tests/e2e/auth.spec.ts expects /dashboard to be
  // 404 for every role but the МЦУ curator, so the page stays the curator's for now.
  const user = await requirePage("/dashboard");
  const d = await loadDashboard(user, flatParams(await searchParams));
  const p = d.period;
  const bars = compareRows(d);
  const empty = d.totals.cur.messages === 0;
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Показатели МЦУ</h1>
      <p className="mb-3 text-sm text-slate-700" data-testid="period-label">
        Период: {longDate(p.from)} – {longDate(p.to)} ({p.days} дн.), сравнение с {longDate(p.prevFrom)} –{" "}
        {longDate(p.prevTo)}.
        {d.refreshedAt && <> Данные на {formatDateTime(d.refreshedAt)}; «просрочено сейчас» — на момент открытия.</>}{" "}
        Каждое число и столбец открывают очередь с этими сообщениями.
      </p>
      <PeriodControls p={p} />
      <KpiGrid cards={kpiCards(d)} />

      {/* «Причины роста» is about the current week whatever the period; streamed so it never holds up the figures. */}
      <div className="mb-6">
        <Suspense
          fallback={
            <Card as="p" className="text-sm text-slate-700">
              Причины роста: расчёт…
            </Card>
          }
        >
          <GrowthPanel limit={5} />
        </Suspense>
      </div>

      {empty ? (
        <Card as="p" padding="lg" className="mb-6 text-center text-slate-700" data-testid="dashboard-empty">
          За выбранный период сообщений нет. Выберите другой период.
        </Card>
      ) : (
        <div className="mb-6 grid gap-4 xl:grid-cols-2">
          <div className="xl:col-span-2">
            <ChartSection
              id="volume"
              title={`Сообщения по ${DIM_WORD[p.dim]}`}
              note="Столбец — сообщения, зарегистрированные в этот день, неделю или месяц периода."
              chart={<VolumeChart buckets={d.buckets} items={d.items} cells={d.cells} dim={p.dim} />}
              table={<VolumeTable d={d} />}
            />
          </div>
          <ChartSection
            id="satisfaction-trend"
            title="Удовлетворённость жителей во времени"
            note="Доля удовлетворённых среди оценивших и средняя оценка; щелчок по точке открывает удовлетворённых."
            chart={<SatisfactionTrend buckets={d.buckets} items={d.items} cells={d.cells} dim={p.dim} />}
            table={<SatisfactionTable d={d} />}
          />
          <ChartSection
            id="satisfaction-dim"
            title={`Удовлетворённость по ${DIM_WORD[p.dim]}`}
            note="Доля удовлетворённых, период и прошлый период."
            chart={<CompareBars chart="satisfaction" rows={bars.satisfaction} unit="percent" />}
            table={<DimTable d={d} />}
          />
          <ChartSection
            id="compliance"
            title="Ответы в срок по блокам"
            note="Доля ответов, отправленных не позже срока, среди отвеченных сообщений периода."
            chart={<CompareBars chart="compliance" rows={bars.compliance} unit="percent" />}
            table={<ComplianceTable d={d} />}
          />
          <ChartSection
            id="calls"
            title="Звонки кураторов перед ответом ПОС"
            note="Доля ПОС-сообщений с одобренным ответом, по которым куратор позвонил жителю."
            chart={<CompareBars chart="calls" rows={bars.calls} unit="percent" />}
            table={<CallsTable d={d} />}
          />
        </div>
      )}
      <ChartSection
        id="overdue"
        title="Просрочено сейчас по блокам"
        note="Открытые сообщения с истёкшим сроком, на момент открытия страницы, за всё время."
        chart={
          bars.overdue.length ? (
            <CompareBars chart="overdue" rows={bars.overdue} unit="count" curName="Просрочено" />
          ) : (
            <p className="text-sm">Просроченных сообщений нет.</p>
          )
        }
        table={<OverdueList d={d} />}
      />
    </>
  );
}
