import { AppLink as Link } from "@/components/ui/app-link";
import {
  DIMENSIONS,
  GRANULARITIES,
  PERIOD_PRESETS,
  serializeDashboardParams,
  type DashboardPeriod,
} from "@/lib/analytics/dashboard-period";
import { Card } from "@/components/ui/card";

function Pill({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded border px-3 py-1 text-sm ${active ? "border-blue-800 bg-blue-800 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}

/** Period presets, a custom from–to form, granularity and breakdown: all in the URL (plain links and a GET form). */
export function PeriodControls({ p }: { p: DashboardPeriod }) {
  const href = (over: Partial<DashboardPeriod>) => `/dashboard?${serializeDashboardParams({ ...p, ...over })}`;
  return (
    <Card padding="sm" className="mb-4 space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <nav aria-label="Период" className="flex flex-wrap gap-2">
          {PERIOD_PRESETS.map((x) => (
            // A preset picks its own default granularity.
            <Pill
              key={x.code}
              href={`/dashboard?${serializeDashboardParams({ preset: x.code, from: p.from, to: p.to, gran: x.days <= 31 ? "day" : "week", dim: p.dim })}`}
              active={p.preset === x.code}
            >
              {x.label}
            </Pill>
          ))}
        </nav>
        <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-2" aria-label="Свой период">
          <input type="hidden" name="period" value="custom" />
          <input type="hidden" name="gran" value={p.gran} />
          {p.dim !== "topic" && <input type="hidden" name="dim" value={p.dim} />}
          <label className="text-sm">
            с{" "}
            <input
              type="date"
              name="from"
              defaultValue={p.from}
              required
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="text-sm">
            по{" "}
            <input
              type="date"
              name="to"
              defaultValue={p.to}
              required
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <button
            type="submit"
            className={`rounded border px-3 py-1 text-sm ${p.preset === "custom" ? "border-blue-800 bg-blue-800 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            Показать период
          </button>
        </form>
      </div>
      <div className="flex flex-wrap gap-4">
        <nav aria-label="Шаг графиков" className="flex flex-wrap gap-2">
          {GRANULARITIES.map((g) => (
            <Pill key={g.code} href={href({ gran: g.code })} active={p.gran === g.code}>
              {g.label}
            </Pill>
          ))}
        </nav>
        <nav aria-label="Разрез" className="flex flex-wrap gap-2">
          {DIMENSIONS.map((d) => (
            <Pill key={d.code} href={href({ dim: d.code })} active={p.dim === d.code}>
              {d.label}
            </Pill>
          ))}
        </nav>
      </div>
    </Card>
  );
}
