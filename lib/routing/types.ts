import type { ChannelCode, Regime } from "@/lib/channels/types";
import type { DeadlinePolicy } from "@/lib/deadlines";

export type RuleDef = {
  id: number;
  name: string;
  priority: number;
  /** Folded keywords (lower case, ё → е; see keywords.ts); a rule with keywords matches when any of
   * them occurs in the folded text. */
  keywords: string[];
  channel: ChannelCode | null;
  locality: string | null;
  topicId: number | null;
  blockId: number;
};

export type RoutingContext = {
  topicsByCode: Map<string, { id: number; blockId: number }>;
  topicCodeById: Map<number, string>;
  blockIdByTopicId: Map<number, number>;
  /** "category\u0000subcategory" → topic id; subcategory "" is the category-wide entry. */
  categoryMap: Map<string, number>;
  rules: RuleDef[];
  policies: Record<Regime, DeadlinePolicy>;
  /** Text-model decisions below this confidence go to «Требует разбора» instead of a block. */
  reviewThreshold: number;
};

export type DecisionSource = "category_map" | "model" | "rule" | "topic_map" | "none";

export type RoutingDecision = {
  topicId: number | null;
  topicSource: DecisionSource;
  topicConfidence: number | null;
  topicReason: Record<string, unknown>;
  blockId: number | null;
  blockSource: DecisionSource;
  blockReason: Record<string, unknown> | null;
  needsReview: boolean;
  status: "new" | "routed";
};

/** Choices of the reroute form: topics with the block that owns them, and blocks. */
export type RerouteTopicOption = { id: number; name: string; blockId: number };
export type RerouteBlockOption = { id: number; name: string };
