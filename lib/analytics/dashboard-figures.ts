// What the dashboard shows, derived from DashboardData: KPI cards, shares, deltas and the link of
// every number. The page, its charts and the tests all go through these functions, so a number
// on screen and the queue list behind it are built in one place. Safe for client components.
import { queueHref, type FigureKind, type FigureScope } from "./dashboard-links";
import type { Bucket, DashboardPeriod, Dimension } from "./dashboard-period";
import type { DashboardData, DimItem, Figures } from "./dashboard-types";

/** A number on screen and the queue list of exactly those messages (null: no queue filter exists). */
export type FigureLink = { label: string; value: number; href: string | null };

export type Kpi = {
  key: string;
  label: string;
  value: string;
  prevValue: string | null;
  delta: string | null;
  /** Whether the change is good news, bad news or neither (colour and wording only). */
  tone: "good" | "bad" | "neutral";
  href: string | null;
  links: FigureLink[];
  prevLinks: FigureLink[];
};

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

const nf1 = new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const nf0 = new Intl.NumberFormat("ru-RU");
export const fmtCount = (n: number) => nf0.format(n);
export const fmtPercent = (x: number | null) => (x === null ? "—" : `${nf1.format(x * 100)} %`);
export const fmtRating = (x: number | null) => (x === null ? "—" : nf2.format(x));
export function fmtHours(h: number | null): string {
  if (h === null) return "—";
  return h >= 48 ? `${nf1.format(h / 24)} дн.` : `${nf1.format(h)} ч`;
}
function signed(s: string, x: number): string {
  return x > 0 ? `+${s}` : x < 0 ? `−${s.replace("-", "")}` : s;
}

export const periodScope = (p: Pick<DashboardPeriod, "from" | "to">): FigureScope => ({ from: p.from, to: p.to });
export const prevScope = (p: Pick<DashboardPeriod, "prevFrom" | "prevTo">): FigureScope => ({
  from: p.prevFrom,
  to: p.prevTo,
});

/** The scope of one dimension value within a period or bucket; null when the queue cannot filter it. */
export function itemScope(base: FigureScope, dim: Dimension, item: DimItem): FigureScope | null {
  return item.code === null ? null : { ...base, [dim]: item.code };
}

export function link(label: string, value: number, scope: FigureScope | null, kind: FigureKind): FigureLink {
  return { label, value, href: scope ? queueHref(scope, kind) : null };
}

export const avgRating = (f: Figures) => (f.ratingCount > 0 ? f.ratingSum / f.ratingCount : null);

type Ratio = {
  key: string;
  label: string;
  num: (f: Figures) => number;
  den: (f: Figures) => number;
  kind: FigureKind;
  numLabel: string;
  denLinks: (f: Figures, s: FigureScope) => FigureLink[];
  higherIsBetter: boolean;
};

const RATIOS: Ratio[] = [
  {
    key: "satisfaction",
    label: "Удовлетворены ответом",
    num: (f) => f.satisfied,
    den: (f) => f.rated,
    kind: "satisfied",
    numLabel: "удовлетворены",
    denLinks: (f, s) => [link("с оценкой", f.rated, s, "rated")],
    higherIsBetter: true,
  },
  {
    key: "ontime",
    label: "Ответы в срок",
    num: (f) => f.onTime,
    den: (f) => f.onTimeBase,
    kind: "onTime",
    numLabel: "в срок",
    denLinks: (f, s) => [link("с нарушением срока", f.onTimeBase - f.onTime, s, "late")],
    higherIsBetter: true,
  },
  {
    key: "reopened",
    label: "Повторно открыты",
    num: (f) => f.reopened,
    den: (f) => f.messages,
    kind: "reopened",
    numLabel: "повторно открыты",
    denLinks: () => [],
    higherIsBetter: false,
  },
  {
    key: "calls",
    label: "Звонки кураторов (ПОС)",
    num: (f) => f.called,
    den: (f) => f.callNeeded,
    kind: "called",
    numLabel: "звонок был",
    denLinks: (f, s) => [link("без звонка", f.callNeeded - f.called, s, "notCalled")],
    higherIsBetter: true,
  },
];

function tone(cur: number | null, prev: number | null, higherIsBetter: boolean | null): Kpi["tone"] {
  if (cur === null || prev === null || cur === prev || higherIsBetter === null) return "neutral";
  return cur > prev === higherIsBetter ? "good" : "bad";
}

/** The eight KPI cards of the period, each compared with the previous period. */
export function kpiCards(d: DashboardData): Kpi[] {
  const { cur, prev } = d.totals;
  const cs = periodScope(d.period);
  const ps = prevScope(d.period);
  const cards: Kpi[] = [];
  const dc = cur.messages - prev.messages;
  cards.push({
    key: "messages",
    label: "Сообщений за период",
    value: fmtCount(cur.messages),
    prevValue: fmtCount(prev.messages),
    delta:
      prev.messages > 0
        ? `${signed(fmtCount(dc), dc)} (${signed(fmtPercent(dc / prev.messages), dc)})`
        : dc !== 0
          ? signed(fmtCount(dc), dc)
          : "0",
    tone: "neutral",
    href: queueHref(cs, "messages"),
    links: [link("сообщений", cur.messages, cs, "messages")],
    prevLinks: [link("сообщений", prev.messages, ps, "messages")],
  });
  const ratioCard = (r: Ratio): Kpi => {
    const a = share(r.num(cur), r.den(cur));
    const b = share(r.num(prev), r.den(prev));
    return {
      key: r.key,
      label: r.label,
      value: fmtPercent(a),
      prevValue: fmtPercent(b),
      delta: a !== null && b !== null ? `${signed(nf1.format(Math.abs(a - b) * 100), a - b)} п. п.` : null,
      tone: tone(a, b, r.higherIsBetter),
      href: queueHref(cs, r.kind),
      links: [link(r.numLabel, r.num(cur), cs, r.kind), ...r.denLinks(cur, cs)],
      prevLinks: [link(r.numLabel, r.num(prev), ps, r.kind), ...r.denLinks(prev, ps)],
    };
  };
  cards.push(ratioCard(RATIOS[0]));
  const ra = avgRating(cur);
  const rb = avgRating(prev);
  cards.push({
    key: "rating",
    label: "Средняя оценка",
    value: fmtRating(ra),
    prevValue: fmtRating(rb),
    delta: ra !== null && rb !== null ? signed(nf2.format(Math.abs(ra - rb)), ra - rb) : null,
    tone: tone(ra, rb, true),
    href: queueHref(cs, "rated"),
    links: [link("с оценкой", cur.rated, cs, "rated")],
    prevLinks: [link("с оценкой", prev.rated, ps, "rated")],
  });
  cards.push(ratioCard(RATIOS[1]));
  cards.push({
    key: "overdue",
    label: "Просрочено сейчас",
    value: fmtCount(d.overdue.total),
    prevValue: null,
    delta: null,
    tone: d.overdue.total > 0 ? "bad" : "neutral",
    href: queueHref({}, "overdue"),
    links: [link("открытых с истёкшим сроком", d.overdue.total, {}, "overdue")],
    prevLinks: [],
  });
  cards.push(ratioCard(RATIOS[2]));
  const ma = d.median.cur;
  const mb = d.median.prev;
  cards.push({
    key: "median",
    label: "Медиана времени ответа",
    value: fmtHours(ma),
    prevValue: fmtHours(mb),
    delta: ma !== null && mb !== null ? signed(fmtHours(Math.abs(ma - mb)), ma - mb) : null,
    tone: tone(ma, mb, false),
    href: queueHref(cs, "answered"),
    links: [link("с ответом", cur.answered, cs, "answered")],
    prevLinks: [link("с ответом", prev.answered, ps, "answered")],
  });
  cards.push(ratioCard(RATIOS[3]));
  return cards;
}

/** The volume of one bucket × dimension value and its list. */
export function cellLink(d: DashboardData, bucket: Bucket, item: DimItem, kind: FigureKind, value: number): FigureLink {
  return link(item.label, value, itemScope({ from: bucket.from, to: bucket.to }, d.period.dim, item), kind);
}

export function bucketLink(bucket: Bucket, kind: FigureKind, value: number): FigureLink {
  return link(bucket.label, value, { from: bucket.from, to: bucket.to }, kind);
}

/** What a bar opens: its count (for a share, the numerator) and the queue list of those messages. */
export type BarTarget = { href: string | null; value: number; title: string };
/** One row of a comparison chart: the period's bar and (optionally) the previous period's. */
export type CompareRow = {
  label: string;
  cur: number | null;
  prev?: number | null;
  curTarget: BarTarget | null;
  prevTarget?: BarTarget | null;
};

const pct = (a: number, b: number) => {
  const s = share(a, b);
  return s === null ? null : Math.round(s * 1000) / 10;
};
function target(f: FigureLink, title: string): BarTarget | null {
  return f.value > 0 ? { href: f.href, value: f.value, title } : null;
}

/** The rows of the comparison charts, built from the same figures as the tables. */
export function compareRows(d: DashboardData) {
  const cs = periodScope(d.period);
  const ps = prevScope(d.period);
  const satisfaction: CompareRow[] = d.byDim.map((r) => ({
    label: r.item.label,
    cur: pct(r.cur.satisfied, r.cur.rated),
    prev: pct(r.prev.satisfied, r.prev.rated),
    curTarget: target(
      link(r.item.label, r.cur.satisfied, itemScope(cs, d.period.dim, r.item), "satisfied"),
      `${r.item.label}: удовлетворены ${r.cur.satisfied} из ${r.cur.rated}`,
    ),
    prevTarget: target(
      link(r.item.label, r.prev.satisfied, itemScope(ps, d.period.dim, r.item), "satisfied"),
      `${r.item.label}, прошлый период: удовлетворены ${r.prev.satisfied} из ${r.prev.rated}`,
    ),
  }));
  const compliance: CompareRow[] = d.byBlock.map((r) => ({
    label: r.item.label,
    cur: pct(r.cur.onTime, r.cur.onTimeBase),
    prev: pct(r.prev.onTime, r.prev.onTimeBase),
    curTarget: target(
      link(r.item.label, r.cur.onTime, itemScope(cs, "block", r.item), "onTime"),
      `${r.item.label}: в срок ${r.cur.onTime} из ${r.cur.onTimeBase}`,
    ),
    prevTarget: target(
      link(r.item.label, r.prev.onTime, itemScope(ps, "block", r.item), "onTime"),
      `${r.item.label}, прошлый период: в срок ${r.prev.onTime} из ${r.prev.onTimeBase}`,
    ),
  }));
  const overdue: CompareRow[] = d.overdue.byBlock.map((o) => ({
    label: o.item.label,
    cur: o.value,
    curTarget: target(
      link(o.item.label, o.value, o.item.code ? { block: o.item.code } : null, "overdue"),
      `${o.item.label}: просрочено ${o.value}`,
    ),
  }));
  const calls: CompareRow[] = d.curators.map((c) => ({
    label: c.name,
    cur: pct(c.cur.called, c.cur.callNeeded),
    prev: pct(c.prev.called, c.prev.callNeeded),
    curTarget: target(
      link(c.name, c.cur.called, { ...cs, curator: c.id }, "called"),
      `${c.name}: звонок был ${c.cur.called} из ${c.cur.callNeeded}`,
    ),
    prevTarget: target(
      link(c.name, c.prev.called, { ...ps, curator: c.id }, "called"),
      `${c.name}, прошлый период: звонок был ${c.prev.called} из ${c.prev.callNeeded}`,
    ),
  }));
  return { satisfaction, compliance, overdue, calls };
}
