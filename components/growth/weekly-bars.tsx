import { formatWeek } from "@/lib/analytics/growth-format";

/** Counts of the baseline weeks and this week as small bars; the numbers are in the label. */
export function WeeklyBars({ weekly, weeks }: { weekly: number[]; weeks: { from: string; to: string }[] }) {
  const max = Math.max(1, ...weekly);
  const W = 10;
  const GAP = 3;
  const H = 32;
  const label = `По неделям: ${weekly.map((n, i) => `${weeks[i] ? formatWeek(weeks[i].from, weeks[i].to) : ""} — ${n}`).join("; ")}`;
  return (
    <figure className="m-0 shrink-0 text-right">
      <svg role="img" aria-label={label} width={weekly.length * (W + GAP)} height={H} className="ml-auto">
        <title>{label}</title>
        {weekly.map((n, i) => {
          const h = Math.max(1, Math.round((n / max) * (H - 2)));
          const current = i === weekly.length - 1;
          return (
            <rect
              key={i}
              x={i * (W + GAP)}
              y={H - h}
              width={W}
              height={h}
              className={current ? "fill-red-700" : "fill-slate-400"}
            />
          );
        })}
      </svg>
      {/* The same numbers as the picture's label, for sighted readers. */}
      <figcaption className="text-xs text-slate-700" aria-hidden="true">
        {weekly.slice(0, -1).join(" · ")} → <strong>{weekly[weekly.length - 1]}</strong>
      </figcaption>
    </figure>
  );
}
