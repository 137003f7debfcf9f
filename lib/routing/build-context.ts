// Builds the in-memory routing context from plain rows. Pure (no database, no "server-only"), so
// ingestion, the classify CLI, the benchmark and unit tests all route with exactly the same maps.
import type { ChannelCode, Regime } from "@/lib/channels/types";
import type { DeadlinePolicy } from "@/lib/deadlines";
import { DEFAULT_POLICIES } from "@/lib/deadlines";
import { CATEGORY_SEP } from "./decide";
import { normalizeKeyword } from "./keywords";
import type { RoutingContext } from "./types";

export const DEFAULT_REVIEW_THRESHOLD = 0.5;

export type RoutingParts = {
  topics: readonly { id: number; code: string; blockId: number }[];
  categoryMaps: readonly { category: string; subcategory: string; topicId: number }[];
  /** Active rules; they are ordered here (priority, then id), whatever order the caller gives. */
  rules: readonly {
    id: number;
    name: string;
    priority: number;
    keywords: readonly string[];
    channel: ChannelCode | null;
    locality: string | null;
    topicId: number | null;
    blockId: number;
  }[];
  policies?: Partial<Record<Regime, DeadlinePolicy>>;
  reviewThreshold?: number;
};

export function buildRoutingContext(parts: RoutingParts): RoutingContext {
  const rules = [...parts.rules]
    .sort((a, b) => a.priority - b.priority || a.id - b.id)
    .map((r) => ({
      id: r.id,
      name: r.name,
      priority: r.priority,
      keywords: [...new Set(r.keywords.map(normalizeKeyword).filter(Boolean))],
      channel: r.channel,
      locality: r.locality?.trim() ? r.locality.trim() : null,
      topicId: r.topicId,
      blockId: r.blockId,
    }));
  return {
    topicsByCode: new Map(parts.topics.map((t) => [t.code, { id: t.id, blockId: t.blockId }])),
    topicCodeById: new Map(parts.topics.map((t) => [t.id, t.code])),
    blockIdByTopicId: new Map(parts.topics.map((t) => [t.id, t.blockId])),
    categoryMap: new Map(parts.categoryMaps.map((m) => [m.category + CATEGORY_SEP + m.subcategory, m.topicId])),
    rules,
    policies: { ...DEFAULT_POLICIES, ...parts.policies } as Record<Regime, DeadlinePolicy>,
    reviewThreshold: parts.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD,
  };
}
