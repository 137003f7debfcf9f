// The routing context of a fresh installation, built from the reference data the seed loads
// (topics, default topic→block mapping, ПОС categories; no rules). Used where no database is
// available: `npm run classify` without DATABASE_URL, the classify benchmark, unit tests.
import { DEFAULT_POLICIES } from "@/lib/deadlines";
import { POS_CATEGORIES } from "@/lib/demo/pos-categories";
import { BLOCKS, TOPIC_DEFS } from "@/lib/seed/reference";
import { buildRoutingContext, type RoutingParts } from "./build-context";
import type { RoutingContext } from "./types";

export type CodedRoutingContext = {
  ctx: RoutingContext;
  blockIdByCode: Map<string, number>;
  blockCodeById: Map<number, string>;
  topicIdByCode: Map<string, number>;
};

/** Ids are positions in the reference lists (1-based), as a freshly seeded database has them. */
export function defaultRoutingContext(
  extra: Pick<RoutingParts, "rules" | "reviewThreshold"> = { rules: [] },
): CodedRoutingContext {
  const blockIdByCode = new Map<string, number>(BLOCKS.map((b, i) => [b.code, i + 1]));
  const topics = TOPIC_DEFS.map((t, i) => ({ id: i + 1, code: t.code, blockId: blockIdByCode.get(t.block)! }));
  const topicIdByCode = new Map(topics.map((t) => [t.code, t.id]));
  const categoryMaps: RoutingParts["categoryMaps"][number][] = [];
  for (const c of POS_CATEGORIES) {
    categoryMaps.push({ category: c.name, subcategory: "", topicId: topicIdByCode.get(c.topic)! });
    for (const s of c.subcategories)
      categoryMaps.push({ category: c.name, subcategory: s.name, topicId: topicIdByCode.get(s.topic ?? c.topic)! });
  }
  const ctx = buildRoutingContext({
    topics,
    categoryMaps,
    rules: extra.rules,
    policies: { ...DEFAULT_POLICIES },
    reviewThreshold: extra.reviewThreshold,
  });
  return { ctx, blockIdByCode, blockCodeById: new Map([...blockIdByCode].map(([c, id]) => [id, c])), topicIdByCode };
}
