import "server-only";
import type { Db } from "@/lib/db";
import type { DeadlinePolicy } from "@/lib/deadlines";
import { DEFAULT_POLICIES, REGIMES } from "@/lib/deadlines";
import type { Regime } from "@/lib/channels/types";
import { buildRoutingContext, DEFAULT_REVIEW_THRESHOLD } from "./build-context";
import type { RoutingContext } from "./types";

export { DEFAULT_REVIEW_THRESHOLD };

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
      regime: p.regime,
      answerDays: p.answerDays,
      answerUnit: p.answerUnit,
      firstReactionDays: p.firstReactionDays,
      firstReactionUnit: p.firstReactionUnit,
      registrationDays: p.registrationDays,
      registrationUnit: p.registrationDays == null ? null : "calendar",
      extensionDays: p.extensionDays,
      extensionUnit: p.extensionUnit,
      maxExtensions: p.maxExtensions,
      atRiskShare: p.atRiskShare,
    };
  }
  return buildRoutingContext({
    topics,
    categoryMaps: maps,
    rules,
    policies: policyMap,
    reviewThreshold: DEFAULT_REVIEW_THRESHOLD,
  });
}

/** The routing context plus block codes (the classify CLI reports blocks by code). */
export async function loadCodedRoutingContext(
  db: Db,
): Promise<{ ctx: RoutingContext; blockCodeById: Map<number, string> }> {
  const [ctx, blocks] = await Promise.all([
    loadRoutingContext(db),
    db.block.findMany({ select: { id: true, code: true } }),
  ]);
  return { ctx, blockCodeById: new Map(blocks.map((b) => [b.id, b.code])) };
}
