"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { queueHref } from "@/lib/analytics/dashboard-links";
import { itemScope, share } from "@/lib/analytics/dashboard-figures";
import type { Bucket, Dimension } from "@/lib/analytics/dashboard-period";
import type { DimItem, SeriesCell } from "@/lib/analytics/dashboard-types";

/** Share of satisfied residents and the average score per bucket, for all messages or one value
 * of the dimension; a click on a point opens the satisfied residents' messages of that bucket. */
export function SatisfactionTrend({
  buckets,
  items,
  cells,
  dim,
}: {
  buckets: Bucket[];
  items: DimItem[];
  cells: SeriesCell[];
  dim: Dimension;
}) {
  const router = useRouter();
  const selectId = useId();
  const [sel, setSel] = useState<string>("all");
  const idx = sel === "all" ? null : items.findIndex((it) => it.id === sel);
  const acc = buckets.map(() => ({ rated: 0, satisfied: 0, ratingSum: 0, ratingCount: 0 }));
  for (const c of cells) {
    if (idx !== null && c.i !== idx) continue;
    const a = acc[c.b];
    a.rated += c.rated;
    a.satisfied += c.satisfied;
    a.ratingSum += c.ratingSum;
    a.ratingCount += c.ratingCount;
  }
  const rows = buckets.map((b, bi) => {
    const s = share(acc[bi].satisfied, acc[bi].rated);
    return {
      label: b.label,
      share: s === null ? null : Math.round(s * 1000) / 10,
      rating: acc[bi].ratingCount ? Math.round((acc[bi].ratingSum / acc[bi].ratingCount) * 100) / 100 : null,
    };
  });
  const hrefOf = (bi: number): string | null => {
    const b = buckets[bi];
    if (!b || acc[bi].satisfied === 0) return null;
    const base = { from: b.from, to: b.to };
    const s = idx === null ? base : itemScope(base, dim, items[idx]);
    return s ? queueHref(s, "satisfied") : null;
  };
  return (
    <div>
      <label htmlFor={selectId} className="mr-2 text-sm">
        Показать:
      </label>
      <select
        id={selectId}
        value={sel}
        onChange={(e) => setSel(e.target.value)}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
      >
        <option value="all">все сообщения</option>
        {items.map((it) => (
          <option key={it.id} value={it.id}>
            {it.label}
          </option>
        ))}
      </select>
      <div
        role="img"
        aria-label="График: доля удовлетворённых и средняя оценка по периодам; те же числа — в таблице ниже"
      >
        <ResponsiveContainer width="100%" height={280}>
          <LineChart
            data={rows}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
            accessibilityLayer={false}
            onClick={(st) => {
              const h =
                typeof st.activeTooltipIndex === "number"
                  ? hrefOf(st.activeTooltipIndex)
                  : typeof st.activeTooltipIndex === "string"
                    ? hrefOf(Number(st.activeTooltipIndex))
                    : null;
              if (h) router.push(h);
            }}
            style={{ cursor: "pointer" }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis yAxisId="share" domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
            <YAxis yAxisId="rating" orientation="right" domain={[1, 5]} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line
              yAxisId="share"
              type="monotone"
              dataKey="share"
              name="Удовлетворены, %"
              stroke="#1d4ed8"
              connectNulls
              isAnimationActive={false}
            />
            <Line
              yAxisId="rating"
              type="monotone"
              dataKey="rating"
              name="Средняя оценка"
              stroke="#b45309"
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
