// Russian labels and display order of the report's dimension values. Keys come from SQL as text:
// ids for topic/block/curator, codes for channel/status/regime, 'YYYY-MM' for month and
// 'v:<name>' / 'o' (прочие) for locality; null means the message has no value.
import "server-only";
import { format } from "date-fns";
import { ru } from "date-fns/locale";
import { db } from "@/lib/db";
import { CHANNEL_LABELS, REGIME_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { QUEUE_CHANNELS, QUEUE_REGIMES, QUEUE_STATUSES } from "@/lib/queue/params";
import type { Dimension } from "./report-config";

export type DimensionKey = string | null;

type Named = { code: string; name: string; sortOrder: number };
export type LabelLookups = {
  topics: Map<string, Named>;
  blocks: Map<string, Named>;
  curators: Map<string, { name: string }>;
};

/** Names of the topics, blocks and curators the report may show (only the tables it needs). */
export async function loadLabelLookups(dims: Dimension[]): Promise<LabelLookups> {
  const [topics, blocks, curators] = await Promise.all([
    dims.includes("topic")
      ? db().topic.findMany({ select: { id: true, code: true, name: true, sortOrder: true } })
      : [],
    dims.includes("block")
      ? db().block.findMany({ select: { id: true, code: true, shortName: true, sortOrder: true } })
      : [],
    dims.includes("curator")
      ? db().user.findMany({ where: { curatedBlocks: { some: {} } }, select: { id: true, fullName: true } })
      : [],
  ]);
  return {
    topics: new Map(topics.map((t) => [String(t.id), { code: t.code, name: t.name, sortOrder: t.sortOrder }])),
    blocks: new Map(blocks.map((b) => [String(b.id), { code: b.code, name: b.shortName, sortOrder: b.sortOrder }])),
    curators: new Map(curators.map((u) => [String(u.id), { name: u.fullName }])),
  };
}

const NONE: Record<Dimension, string> = {
  topic: "Без темы",
  block: "Без блока",
  channel: "—",
  status: "—",
  regime: "—",
  month: "—",
  locality: "Не указан",
  curator: "Без куратора",
};
export const OTHER_LOCALITIES = "Прочие населённые пункты";

export function dimensionLabel(d: Dimension, key: DimensionKey, l: LabelLookups): string {
  if (key == null) return NONE[d];
  switch (d) {
    case "topic":
      return l.topics.get(key)?.name ?? `Тема № ${key}`;
    case "block":
      return l.blocks.get(key)?.name ?? `Блок № ${key}`;
    case "channel":
      return CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS] ?? key;
    case "status":
      return STATUS_LABELS[key as keyof typeof STATUS_LABELS] ?? key;
    case "regime":
      return REGIME_LABELS[key as keyof typeof REGIME_LABELS] ?? key;
    case "month": {
      const [y, m] = key.split("-").map(Number);
      const s = format(new Date(y, m - 1, 1), "LLLL yyyy", { locale: ru });
      return s.charAt(0).toUpperCase() + s.slice(1);
    }
    case "locality":
      return key === "o" ? OTHER_LOCALITIES : key.slice(2);
    case "curator":
      return l.curators.get(key)?.name ?? `Пользователь № ${key}`;
  }
}

/** [group, order]: real values first in their natural order, then «прочие», then «без …». */
function orderOf(d: Dimension, key: DimensionKey, l: LabelLookups): [number, number | string] {
  if (key == null) return [2, 0];
  switch (d) {
    case "topic":
      return [0, l.topics.get(key)?.sortOrder ?? Number(key)];
    case "block":
      return [0, l.blocks.get(key)?.sortOrder ?? Number(key)];
    case "channel":
      return [0, (QUEUE_CHANNELS as readonly string[]).indexOf(key)];
    case "status":
      return [0, (QUEUE_STATUSES as readonly string[]).indexOf(key)];
    case "regime":
      return [0, (QUEUE_REGIMES as readonly string[]).indexOf(key)];
    case "month":
      return [0, key];
    case "locality":
      return key === "o" ? [1, 0] : [0, key.slice(2)];
    case "curator":
      return [0, l.curators.get(key)?.name ?? key];
  }
}

const collator = new Intl.Collator("ru");

export function sortKeys(dims: Dimension[], keys: DimensionKey[][], l: LabelLookups): DimensionKey[][] {
  const cmp = (a: [number, number | string], b: [number, number | string]) =>
    a[0] - b[0] ||
    (typeof a[1] === "number" && typeof b[1] === "number" ? a[1] - b[1] : collator.compare(String(a[1]), String(b[1])));
  return [...keys].sort((x, y) => {
    for (let i = 0; i < dims.length; i++) {
      const r = cmp(orderOf(dims[i], x[i], l), orderOf(dims[i], y[i], l));
      if (r !== 0) return r;
    }
    return 0;
  });
}
