// The МЦУ curator's dashboard: period figures with the previous period, series by day/week/month
// and dimension, deadline compliance by block, overdue now, curators' calls. Read-only; the МЦУ
// curator and the МЦУ head may open it.
import "server-only";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { QUEUE_CHANNELS } from "@/lib/queue/params";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { bucketStart, bucketsOf, resolveDashboardPeriod, type Dimension } from "./dashboard-period";
import {
  callsByCurator,
  dimensionRefs,
  medianAnswerHours,
  overdueByBlock,
  rollupByDay,
  rollupByDim,
  rollupTotals,
  type DimRef,
} from "./dashboard-queries";
import { ensureDashboardRollupFresh } from "./dashboard-rollup";
import type { DashboardData, DimItem, DimRow, SeriesCell } from "./dashboard-types";

const NONE_LABEL: Record<Dimension, string> = { topic: "Без темы", block: "Без блока", channel: "—" };

/** Turns rollup keys (topic/block ids, channel codes) into items with queue codes and labels. */
function itemResolver(dim: Dimension, refs: { topic: DimRef[]; block: DimRef[] }) {
  const list: DimRef[] =
    dim === "channel"
      ? QUEUE_CHANNELS.map((c, i) => ({ id: c, code: c, label: CHANNEL_LABELS[c], sortOrder: i }))
      : refs[dim];
  const byId = new Map(list.map((r) => [r.id, r]));
  const order = (id: string) => byId.get(id)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  const item = (id: string): DimItem => {
    const r = byId.get(id);
    return r ? { id, code: r.code, label: r.label } : { id, code: null, label: NONE_LABEL[dim] };
  };
  return { item, order };
}

function dimRows(
  rows: { key: string; cur: DimRow["cur"]; prev: DimRow["prev"] }[],
  r: ReturnType<typeof itemResolver>,
): DimRow[] {
  return rows
    .sort((a, b) => r.order(a.key) - r.order(b.key) || a.key.localeCompare(b.key))
    .map((x) => ({ item: r.item(x.key), cur: x.cur, prev: x.prev }));
}

export async function loadDashboard(
  user: CurrentUser,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<DashboardData> {
  // The coordinator too: «Причины роста» on the dashboard are theirs to turn into problems.
  assertCan(user, "dashboard.read");
  const period = resolveDashboardPeriod(raw, now);
  const refreshed = await ensureDashboardRollupFresh();
  const [refs, totals, median, overdue, days, byDimRaw, byBlockRaw, calls] = await Promise.all([
    dimensionRefs(),
    rollupTotals(period),
    medianAnswerHours(period),
    overdueByBlock(now),
    rollupByDay(period.from, period.to, period.dim),
    rollupByDim(period, period.dim),
    period.dim === "block" ? null : rollupByDim(period, "block"),
    callsByCurator(period),
  ]);
  const dimR = itemResolver(period.dim, refs);
  const blockR = itemResolver("block", refs);
  const byDim = dimRows(byDimRaw, dimR);
  const byBlock = period.dim === "block" ? byDim : dimRows(byBlockRaw!, blockR);

  const buckets = bucketsOf(period.from, period.to, period.gran);
  const bucketIndex = new Map(buckets.map((b, i) => [b.key, i]));
  const items = byDim.map((r) => r.item);
  const itemIndex = new Map(items.map((it, i) => [it.id, i]));
  const cellMap = new Map<string, SeriesCell>();
  for (const d of days) {
    const b = bucketIndex.get(bucketStart(d.day, period.gran));
    const i = itemIndex.get(d.key);
    if (b === undefined || i === undefined) continue;
    const k = `${b}:${i}`;
    const c = cellMap.get(k) ?? { b, i, messages: 0, rated: 0, satisfied: 0, ratingSum: 0, ratingCount: 0 };
    c.messages += d.messages;
    c.rated += d.rated;
    c.satisfied += d.satisfied;
    c.ratingSum += d.ratingSum;
    c.ratingCount += d.ratingCount;
    cellMap.set(k, c);
  }

  const overdueRows = overdue
    .map((o) => ({ key: o.blockId === null ? "0" : String(o.blockId), value: o.n }))
    .sort((a, b) => blockR.order(a.key) - blockR.order(b.key));
  return {
    period,
    refreshedAt: refreshed?.toISOString() ?? null,
    totals,
    median,
    overdue: {
      total: overdue.reduce((s, o) => s + o.n, 0),
      byBlock: overdueRows.map((o) => ({ item: blockR.item(o.key), value: o.value })),
    },
    buckets,
    items,
    cells: [...cellMap.values()].sort((a, b) => a.b - b.b || a.i - b.i),
    byDim,
    byBlock,
    curators: calls.map((c) => ({ id: c.userId, name: c.name, cur: c.cur, prev: c.prev })),
  };
}
