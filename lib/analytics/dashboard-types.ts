// The dashboard's data as the page and its client charts receive it. Safe for client components.
import type { Bucket, DashboardPeriod } from "./dashboard-period";

/** Counts over a set of messages (definitions in lib/analytics/measures.ts). */
export type Figures = {
  messages: number;
  rated: number;
  satisfied: number;
  ratingSum: number;
  ratingCount: number;
  answered: number;
  onTimeBase: number;
  onTime: number;
  reopened: number;
  callNeeded: number;
  called: number;
};

/** A value of a dimension; `code` is the queue's filter value, null when the queue cannot filter
 * on it (no topic / no block), so that element is shown without a link. */
export type DimItem = { id: string; code: string | null; label: string };

export type DimRow = { item: DimItem; cur: Figures; prev: Figures };

/** One bucket × dimension value of the time series (only non-empty cells are sent). */
export type SeriesCell = {
  b: number;
  i: number;
  messages: number;
  rated: number;
  satisfied: number;
  ratingSum: number;
  ratingCount: number;
};

export type CuratorRow = {
  id: number;
  name: string;
  cur: { callNeeded: number; called: number };
  prev: { callNeeded: number; called: number };
};

export type DashboardData = {
  period: DashboardPeriod;
  /** When the rollup behind the period figures was last brought up to date (ISO). */
  refreshedAt: string | null;
  totals: { cur: Figures; prev: Figures };
  median: { cur: number | null; prev: number | null };
  overdue: { total: number; byBlock: { item: DimItem; value: number }[] };
  buckets: Bucket[];
  /** Values of the chosen dimension that have messages in either period, in display order. */
  items: DimItem[];
  cells: SeriesCell[];
  byDim: DimRow[];
  byBlock: DimRow[];
  curators: CuratorRow[];
};
