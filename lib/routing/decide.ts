// Classify and route one message: ПОС category map first, then the text model; then ordered
// routing rules, then the topic's default block. Pure and fast: ingestion calls it per message.
import { classifyText } from "@/lib/classify/classifier";
import { foldText } from "./keywords";
import type { RoutingContext, RoutingDecision, RuleDef } from "./types";

export type RoutableMessage = {
  channel: string;
  textClean: string;
  title: string | null;
  locality: string | null;
  sourceCategory: string | null;
  sourceSubcategory: string | null;
};

export const CATEGORY_SEP = "\u0000";

export function decide(m: RoutableMessage, ctx: RoutingContext): RoutingDecision {
  const text = m.title ? `${m.title}\n${m.textClean}` : m.textClean;
  let topicId: number | null = null;
  let topicSource: RoutingDecision["topicSource"] = "none";
  let topicConfidence: number | null = null;
  let topicReason: Record<string, unknown> = {};

  if (m.sourceCategory) {
    const hit =
      ctx.categoryMap.get(m.sourceCategory + CATEGORY_SEP + (m.sourceSubcategory ?? "")) ??
      ctx.categoryMap.get(m.sourceCategory + CATEGORY_SEP);
    if (hit !== undefined) {
      topicId = hit;
      topicSource = "category_map";
      topicConfidence = 1;
      topicReason = { category: m.sourceCategory, subcategory: m.sourceSubcategory };
    }
  }
  let lowConfidence = false;
  if (topicId === null) {
    const p = classifyText(text);
    const topic = ctx.topicsByCode.get(p.topic);
    topicId = topic?.id ?? null;
    topicSource = "model";
    topicConfidence = p.confidence;
    topicReason = { words: p.words, confidence: p.confidence, topic: p.topic };
    lowConfidence = p.confidence < ctx.reviewThreshold;
  }

  // Folded (lower case, ё → е) once, and only when some rule has keywords: ingestion runs this
  // for every message, and most installations have few keyword rules.
  let folded: string | null = null;
  const foldedText = () => (folded ??= foldText(text));
  const rule = ctx.rules.find((r) => ruleMatches(r, m, foldedText, topicId));
  if (rule) {
    return {
      topicId,
      topicSource,
      topicConfidence,
      topicReason,
      blockId: rule.blockId,
      blockSource: "rule",
      blockReason: {
        ruleId: rule.id,
        rule: rule.name,
        keywords: rule.keywords.filter((k) => foldedText().includes(k)),
      },
      needsReview: false,
      status: "routed",
    };
  }
  if (topicId === null || lowConfidence) {
    return {
      topicId,
      topicSource,
      topicConfidence,
      topicReason,
      blockId: null,
      blockSource: "none",
      blockReason: { reason: topicId === null ? "тема не определена" : "низкая уверенность классификатора" },
      needsReview: true,
      status: "new",
    };
  }
  const blockId = ctx.blockIdByTopicId.get(topicId) ?? null;
  return {
    topicId,
    topicSource,
    topicConfidence,
    topicReason,
    blockId,
    blockSource: blockId ? "topic_map" : "none",
    blockReason: blockId ? { topic: ctx.topicCodeById.get(topicId) } : null,
    needsReview: blockId === null,
    status: blockId ? "routed" : "new",
  };
}

function ruleMatches(r: RuleDef, m: RoutableMessage, foldedText: () => string, topicId: number | null): boolean {
  if (r.channel && r.channel !== m.channel) return false;
  if (r.locality && foldText((m.locality ?? "").trim()) !== foldText(r.locality)) return false;
  if (r.topicId !== null && r.topicId !== topicId) return false;
  if (r.keywords.length && !r.keywords.some((k) => foldedText().includes(k))) return false;
  // A rule with no condition at all would swallow everything; such rules never match.
  return Boolean(r.channel || r.locality || r.topicId !== null || r.keywords.length);
}
