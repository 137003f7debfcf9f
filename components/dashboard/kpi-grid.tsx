import { AppLink as Link } from "@/components/ui/app-link";
import type { Kpi } from "@/lib/analytics/dashboard-figures";
import { FigureValue } from "./figure-link";
import { Card } from "@/components/ui/card";

const TONE: Record<Kpi["tone"], string> = { good: "text-green-800", bad: "text-red-800", neutral: "text-slate-700" };

/** The KPI cards: value of the period (a link to its messages), the previous period and the change. */
export function KpiGrid({ cards }: { cards: Kpi[] }) {
  return (
    <ul className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Ключевые показатели">
      {cards.map((k) => (
        <Card key={k.key} as="li" data-testid={`kpi-${k.key}`}>
          <div className="text-sm text-slate-700">{k.label}</div>
          <div className="text-2xl font-semibold">
            {k.href ? (
              <Link href={k.href} className="hover:underline" data-testid={`kpi-${k.key}-value`}>
                {k.value}
              </Link>
            ) : (
              k.value
            )}
          </div>
          {k.prevValue !== null && (
            <div className="text-sm">
              <span className="text-slate-700">было {k.prevValue}</span>
              {k.delta && <span className={`ml-2 font-medium ${TONE[k.tone]}`}>{k.delta}</span>}
            </div>
          )}
          <dl className="mt-1 space-y-0.5 text-xs text-slate-700">
            {k.links.map((l, i) => (
              <div key={l.label} className="flex justify-between gap-2">
                <dt>{l.label}</dt>
                <dd>
                  <FigureValue f={l} />
                  {k.prevLinks[i] && (
                    <>
                      {" "}
                      <span aria-hidden="true">·</span> <span className="sr-only">в прошлом периоде</span>
                      <span aria-hidden="true">было </span>
                      <FigureValue f={k.prevLinks[i]} />
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      ))}
    </ul>
  );
}
