"use client";
import { Rectangle, type BarShapeProps } from "recharts";
import type { BarTarget } from "@/lib/analytics/dashboard-figures";

/** 15 colours distinguishable on white (and from each other) for up to 15 topics. */
export const PALETTE = [
  "#1d4ed8",
  "#b45309",
  "#047857",
  "#b91c1c",
  "#7c3aed",
  "#0e7490",
  "#a16207",
  "#be185d",
  "#4d7c0f",
  "#475569",
  "#c2410c",
  "#0f766e",
  "#6d28d9",
  "#9f1239",
  "#334155",
];

/** A bar shape that is a link: clicking it opens the queue with exactly the messages it counts.
 * `data-value` carries the count (the e2e test compares it with the queue). */
export function linkedShape(
  chart: string,
  targetOf: (payload: unknown, index: number) => BarTarget | null,
  go: (href: string) => void,
) {
  return function LinkedBarShape(props: BarShapeProps) {
    const t = targetOf(props.payload, props.index);
    const rect = <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} fill={props.fill} />;
    if (!t) return rect;
    return (
      <g
        data-chart={chart}
        data-value={t.value}
        data-href={t.href ?? undefined}
        style={{ cursor: t.href ? "pointer" : "default" }}
        onClick={t.href ? () => go(t.href!) : undefined}
      >
        <title>{t.title}</title>
        {rect}
      </g>
    );
  };
}
