"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { queueHref } from "@/lib/analytics/dashboard-links";
import { itemScope } from "@/lib/analytics/dashboard-figures";
import type { Bucket, Dimension } from "@/lib/analytics/dashboard-period";
import type { DimItem, SeriesCell } from "@/lib/analytics/dashboard-types";
import { linkedShape, PALETTE } from "./linked-bar";

/** Messages per bucket stacked by topic/channel/block; a segment opens its messages in the queue. */
export function VolumeChart({
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
  const grid = buckets.map(() => items.map(() => 0));
  for (const c of cells) grid[c.b][c.i] = c.messages;
  const rows = buckets.map((b, bi) => {
    const r: Record<string, string | number> = { label: b.label };
    items.forEach((_, ii) => {
      r[`v${ii}`] = grid[bi][ii];
    });
    return r;
  });
  return (
    <div role="img" aria-label="График: число сообщений по периодам и разрезу; те же числа — в таблице ниже">
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {items.map((it, ii) => (
            <Bar
              key={it.id}
              dataKey={`v${ii}`}
              name={it.label}
              stackId="v"
              fill={PALETTE[ii % PALETTE.length]}
              isAnimationActive={false}
              shape={linkedShape(
                "volume",
                (_p, bi) => {
                  const b = buckets[bi];
                  const value = grid[bi]?.[ii] ?? 0;
                  if (!b || value === 0) return null;
                  const s = itemScope({ from: b.from, to: b.to }, dim, it);
                  return {
                    value,
                    href: s ? queueHref(s, "messages") : null,
                    title: `${b.label}, ${it.label}: ${value}`,
                  };
                },
                (h) => router.push(h),
              )}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
