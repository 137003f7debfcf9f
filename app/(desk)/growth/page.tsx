import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { growthReport } from "@/lib/analytics/growth";
import { can } from "@/lib/auth/permissions";
import { FDR_LEVEL, MIN_CURRENT, MIN_RATIO } from "@/lib/analytics/growth-stats";
import { GrowthList } from "@/components/growth/growth-list";
import { formatDecimal, formatWeek } from "@/lib/analytics/growth-format";

export const metadata: Metadata = { title: "Причины роста" };

export default async function GrowthPage() {
  const user = await requirePage("/growth");
  const report = await growthReport(user, { limit: 20 });
  const b = report.baseline;
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Причины роста</h1>
      <div className="mb-4 max-w-4xl space-y-1 text-sm text-slate-800">
        <p>
          Неделя: <strong>{formatWeek(report.current.from, report.current.to)}</strong> (последние 7 дней, включая
          сегодня).
          {b.length > 0 && (
            <>
              {" "}
              База сравнения: {b.length} {b.length >= 5 ? "предыдущих недель" : "предыдущие недели"} (
              {formatWeek(b[0].from, b[b.length - 1].to)}).
            </>
          )}
        </p>
        <p>
          Для каждой пары «тема × населённый пункт» число сообщений за неделю сравнивается со средним за базовые недели
          точным условным биномиальным тестом (если частота не изменилась, доля недели среди всех сообщений пары — 1/
          {b.length + 1}). Поправка Бенджамини–Хохберга на множественные сравнения ({report.testedCells} пар): показаны
          значимые при FDR {Math.round(FDR_LEVEL * 100)} %, если за неделю не меньше {MIN_CURRENT} сообщений и рост не
          меньше чем в {formatDecimal(MIN_RATIO)} раза. Характерные слова — те, что в сообщениях недели встречаются
          заметно чаще, чем в сообщениях той же темы за базовые недели.
        </p>
      </div>
      <GrowthList report={report} canCreate={can(user, "growth.problem")} />
    </>
  );
}
