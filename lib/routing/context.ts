import "server-only";
import type { Db } from "@/lib/db";
import type { DeadlinePolicy } from "@/lib/deadlines";
import { DEFAULT_POLICIES, REGIMES } from "@/lib/deadlines";
import type { Regime } from "@/lib/channels/types";
import { CATEGORY_SEP } from "./decide";
import type { RoutingContext } from "./types";

export const DEFAULT_REVIEW_THRESHOLD = 0.5;

/** Everything routing needs, read once per ingested page (rules and maps are small). */
export async function loadRoutingContext(db: Db): Promise<RoutingContext> {
  const [topics, maps, rules, policies] = await Promise.all([
    db.topic.findMany({ select: { id: true, code: true, blockId: true } }),
    db.posCategoryMapping.findMany({ select: { category: true, subcategory: true, topicId: true } }),
    db.routingRule.findMany({ where: { active: true }, orderBy: [{ priority: "asc" }, { id: "asc" }] }),
    db.deadlinePolicy.findMany(),
  ]);
  const policyMap = { ...DEFAULT_POLICIES } as Record<Regime, DeadlinePolicy>;
  for (const p of policies) {
    if (!REGIMES.includes(p.regime)) continue;
    policyMap[p.regime] = {
      regime: p.regime, answerDays: p.answerDays, answerUnit: p.answerUnit,
      firstReactionDays: p.firstReactionDays, firstReactionUnit: p.firstReactionUnit,
      registrationDays: p.registrationDays, registrationUnit: p.registrationDays == null ? null : "calendar",
      extensionDays: p.extensionDays, extensionUnit: p.extensionUnit, maxExtensions: p.maxExtensions, atRiskShare: p.atRiskShare,
    };
  }
  return {
    topicsByCode: new Map(topics.map((t) => [t.code, { id: t.id, blockId: t.blockId }])),
    topicCodeById: new Map(topics.map((t) => [t.id, t.code])),
    blockIdByTopicId: new Map(topics.map((t) => [t.id, t.blockId])),
    categoryMap: new Map(maps.map((m) => [m.category + CATEGORY_SEP + m.subcategory, m.topicId])),
    rules: rules.map((r) => ({
      id: r.id, name: r.name, priority: r.priority, keywords: r.keywords.map((k) => k.toLowerCase()).filter(Boolean),
      channel: r.channel, locality: r.locality, topicId: r.topicId, blockId: r.blockId,
    })),
    policies: policyMap,
    reviewThreshold: DEFAULT_REVIEW_THRESHOLD,
  };
}
