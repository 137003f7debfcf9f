// Click-through from a report cell to the queue: the report's filters plus the cell's dimension
// values, in the queue's own parameters (same definitions as the report, see measures.ts).
import type { QueueParams } from "@/lib/queue/params";
import type { Dimension, ReportConfig } from "./report-config";
import type { DimensionKey, LabelLookups } from "./report-labels";

export type QueueFilter = Partial<QueueParams>;

/** The month's first and last local days, clipped to the report's period. */
function monthRange(key: string, from: string, to: string): { from: string; to: string } {
  const [y, m] = key.split("-").map(Number);
  const first = `${key}-01`;
  const last = `${key}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
  return { from: first > from ? first : from, to: last < to ? last : to };
}

/** Queue filters listing the messages of a cell, or null when the queue has no parameter for one
 * of its values («без темы», «прочие населённые пункты», «без куратора», a name too long for the
 * queue's locality filter). */
export function cellQueue(
  c: ReportConfig,
  parts: { dimension: Dimension; key: DimensionKey }[],
  l: LabelLookups,
): QueueFilter | null {
  const f = c.filters;
  const q: QueueFilter = {
    from: f.from,
    to: f.to,
    channel: f.channel,
    topic: f.topic,
    block: f.block,
    status: f.status,
    regime: f.regime,
  };
  for (const { dimension, key } of parts) {
    if (key == null) return null;
    switch (dimension) {
      case "topic": {
        const code = l.topics.get(key)?.code;
        if (!code) return null;
        q.topic = code;
        break;
      }
      case "block": {
        const code = l.blocks.get(key)?.code;
        if (!code) return null;
        q.block = code;
        break;
      }
      case "channel":
        q.channel = key as QueueFilter["channel"];
        break;
      case "status":
        q.status = key as QueueFilter["status"];
        break;
      case "regime":
        q.regime = key as QueueFilter["regime"];
        break;
      case "month":
        Object.assign(q, monthRange(key, q.from!, q.to!));
        break;
      case "locality": {
        const name = key.startsWith("v:") ? key.slice(2) : null;
        if (!name || name.length > 100 || name !== name.trim()) return null;
        q.locality = name;
        break;
      }
      case "curator":
        q.curator = Number(key);
        break;
    }
  }
  return q;
}
