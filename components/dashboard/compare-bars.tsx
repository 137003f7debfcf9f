"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CompareRow } from "@/lib/analytics/dashboard-figures";
import { linkedShape } from "./linked-bar";

/** Horizontal bars per block / topic / curator, the period against the previous one. */
export function CompareBars({
  chart,
  rows,
  unit,
  curName = "Период",
  prevName = "Прошлый период",
}: {
  chart: string;
  rows: CompareRow[];
  unit: "percent" | "count";
  curName?: string;
  prevName?: string;
}) {
  const router = useRouter();
  const go = (h: string) => router.push(h);
  const hasPrev = rows.some((r) => r.prev !== undefined);
  const height = Math.max(160, rows.length * (hasPrev ? 34 : 24) + 60);
  const data = rows.map((r) => ({ label: r.label, cur: r.cur, prev: r.prev ?? null }));
  return (
    <div role="img" aria-label="Диаграмма; те же числа — в таблице ниже">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={unit === "percent" ? [0, 100] : [0, "auto"]}
            unit={unit === "percent" ? " %" : undefined}
            allowDecimals={unit !== "count"}
            tick={{ fontSize: 12 }}
          />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
          <Tooltip />
          {hasPrev && <Legend wrapperStyle={{ fontSize: 12 }} />}
          <Bar
            dataKey="cur"
            name={curName}
            fill="#1d4ed8"
            isAnimationActive={false}
            shape={linkedShape(chart, (_p, i) => rows[i]?.curTarget ?? null, go)}
          />
          {hasPrev && (
            <Bar
              dataKey="prev"
              name={prevName}
              fill="#94a3b8"
              isAnimationActive={false}
              shape={linkedShape(`${chart}-prev`, (_p, i) => rows[i]?.prevTarget ?? null, go)}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
