// Routing precedence on a hand-built context: ПОС category map over the text model; rules (by
// priority) over the topic map; channel / locality / keyword / topic conditions; low confidence
// or an unknown topic → «Требует разбора».
import { describe, expect, it } from "vitest";
import { buildRoutingContext, type RoutingParts } from "./build-context";
import { decide, type RoutableMessage } from "./decide";
import { splitKeywords } from "./keywords";

// Blocks: 1 zhkh, 2 sez, 3 culture, 4 economy, 9 redirect. Topics: 10 waste, 11 roads, 12 housing, 13 other, 14 education.
const TOPICS = [
  { id: 10, code: "waste", blockId: 1 },
  { id: 11, code: "roads", blockId: 2 },
  { id: 12, code: "housing", blockId: 1 },
  { id: 13, code: "other", blockId: 9 },
  { id: 14, code: "education", blockId: 3 },
];
const CATEGORIES = [
  { category: "Дороги", subcategory: "", topicId: 11 },
  { category: "Благоустройство", subcategory: "", topicId: 12 },
  { category: "Благоустройство", subcategory: "Контейнерные площадки", topicId: 10 },
];
type Rule = RoutingParts["rules"][number];
const rule = (r: Partial<Rule> & Pick<Rule, "id" | "blockId">): Rule => ({
  name: `Правило ${r.id}`,
  priority: 100,
  keywords: [],
  channel: null,
  locality: null,
  topicId: null,
  ...r,
});
const ctxWith = (rules: Rule[] = [], reviewThreshold?: number) =>
  buildRoutingContext({ topics: TOPICS, categoryMaps: CATEGORIES, rules, reviewThreshold });

const WASTE = "Во дворе второй месяц не вывозят мусор, контейнеры переполнены";
const ROADS = "Яма на дороге по улице Ленина, асфальт разбит, машины ломают колёса";
const msg = (m: Partial<RoutableMessage> = {}): RoutableMessage => ({
  channel: "smls",
  textClean: WASTE,
  title: null,
  locality: null,
  sourceCategory: null,
  sourceSubcategory: null,
  ...m,
});

describe("topic: ПОС category map over the text model", () => {
  it("uses the resident's category even when the text says otherwise", () => {
    const d = decide(
      msg({ channel: "pos", textClean: WASTE, sourceCategory: "Дороги", sourceSubcategory: "Ямы" }),
      ctxWith(),
    );
    expect(d).toMatchObject({
      topicId: 11,
      topicSource: "category_map",
      topicConfidence: 1,
      blockId: 2,
      blockSource: "topic_map",
      status: "routed",
      needsReview: false,
    });
    expect(d.topicReason).toEqual({ category: "Дороги", subcategory: "Ямы" });
  });

  it("a subcategory row beats the category-wide row; an unknown subcategory uses the category row", () => {
    expect(
      decide(
        msg({ sourceCategory: "Благоустройство", sourceSubcategory: "Контейнерные площадки", textClean: ROADS }),
        ctxWith(),
      ).topicId,
    ).toBe(10);
    expect(
      decide(
        msg({ sourceCategory: "Благоустройство", sourceSubcategory: "Новая подкатегория", textClean: ROADS }),
        ctxWith(),
      ).topicId,
    ).toBe(12);
  });

  it("an unknown category falls back to the text model, with its words and confidence as the reason", () => {
    const d = decide(msg({ sourceCategory: "Неизвестная категория", textClean: ROADS }), ctxWith());
    expect(d).toMatchObject({ topicId: 11, topicSource: "model", blockId: 2, blockSource: "topic_map" });
    expect(d.topicConfidence).toBeGreaterThan(0.5);
    expect(d.topicReason).toMatchObject({ topic: "roads", words: expect.arrayContaining(["яма"]) });
    expect(d.blockReason).toEqual({ topic: "roads" });
  });
});

describe("block: rules by priority over the topic map", () => {
  it("the matching rule with the lowest priority number wins, whatever order rules are given in", () => {
    const rules = [
      rule({ id: 1, priority: 50, keywords: ["мусор"], blockId: 3 }),
      rule({ id: 2, priority: 10, keywords: ["контейнер"], blockId: 4 }),
    ];
    const d = decide(msg(), ctxWith(rules));
    expect(d).toMatchObject({ topicId: 10, blockId: 4, blockSource: "rule", status: "routed", needsReview: false });
    expect(d.blockReason).toEqual({ ruleId: 2, rule: "Правило 2", keywords: ["контейнер"] });
    // Equal priorities: the older rule (smaller id) first.
    const tie = [
      rule({ id: 7, priority: 10, keywords: ["мусор"], blockId: 3 }),
      rule({ id: 5, priority: 10, keywords: ["мусор"], blockId: 4 }),
    ];
    expect(decide(msg(), ctxWith(tie)).blockId).toBe(4);
  });

  it("a rule beats the topic map, and a category-decided topic can be a rule's condition", () => {
    const rules = [rule({ id: 1, topicId: 11, locality: "Правда", blockId: 4 })];
    const d = decide(
      msg({ channel: "pos", sourceCategory: "Дороги", locality: "Правда", textClean: WASTE }),
      ctxWith(rules),
    );
    expect(d).toMatchObject({ topicId: 11, topicSource: "category_map", blockId: 4, blockSource: "rule" });
    expect(
      decide(msg({ channel: "pos", sourceCategory: "Благоустройство", locality: "Правда" }), ctxWith(rules))
        .blockSource,
    ).toBe("topic_map");
  });

  it("no rule matches → the topic's block", () => {
    const d = decide(msg(), ctxWith([rule({ id: 1, keywords: ["снег"], blockId: 4 })]));
    expect(d).toMatchObject({ blockId: 1, blockSource: "topic_map", status: "routed" });
  });
});

describe("rule conditions", () => {
  it("channel: only messages of that channel", () => {
    const rules = [rule({ id: 1, channel: "incident", keywords: ["мусор"], blockId: 4 })];
    expect(decide(msg({ channel: "incident" }), ctxWith(rules)).blockId).toBe(4);
    expect(decide(msg({ channel: "pos" }), ctxWith(rules)).blockId).toBe(1);
  });

  it("locality: exact settlement, ignoring case, spaces and ё/е", () => {
    const rules = [rule({ id: 1, locality: "Чёрная Речка", blockId: 4 })];
    expect(decide(msg({ locality: " черная речка " }), ctxWith(rules)).blockId).toBe(4);
    expect(decide(msg({ locality: "Холмск" }), ctxWith(rules)).blockId).toBe(1);
    expect(decide(msg({ locality: null }), ctxWith(rules)).blockId).toBe(1);
  });

  it("keywords: any one of them, in the text or the title, ignoring case and ё/е", () => {
    const rules = [rule({ id: 1, keywords: splitKeywords("ливнёвка, Водосток"), blockId: 4 })];
    expect(rules[0].keywords).toEqual(["ливневка", "водосток"]);
    expect(decide(msg({ textClean: "Засорилась ЛИВНЁВКА у дома" }), ctxWith(rules))).toMatchObject({
      blockId: 4,
      blockReason: { keywords: ["ливневка"] },
    });
    expect(decide(msg({ title: "Сломан водосток", textClean: WASTE }), ctxWith(rules)).blockId).toBe(4);
    expect(decide(msg({ textClean: WASTE }), ctxWith(rules)).blockId).toBe(1);
  });

  it("conditions combine with AND", () => {
    const rules = [rule({ id: 1, channel: "smls", locality: "Холмск", keywords: ["мусор"], topicId: 10, blockId: 4 })];
    expect(decide(msg({ locality: "Холмск" }), ctxWith(rules)).blockId).toBe(4);
    expect(decide(msg({ locality: "Холмск", channel: "pos" }), ctxWith(rules)).blockId).toBe(1);
    expect(decide(msg({ locality: "Чехов" }), ctxWith(rules)).blockId).toBe(1);
    expect(
      decide(msg({ locality: "Холмск", textClean: "Контейнеры переполнены, не вывозят отходы" }), ctxWith(rules))
        .blockSource,
    ).not.toBe("rule");
  });

  it("a rule without any condition never matches (it would swallow every message)", () => {
    expect(decide(msg(), ctxWith([rule({ id: 1, blockId: 4 })])).blockSource).toBe("topic_map");
  });
});

describe("«Требует разбора»", () => {
  it("low classifier confidence → no block, status new, needs review, with the reason", () => {
    const d = decide(msg({ textClean: "фываолдж" }), ctxWith());
    expect(d).toMatchObject({ blockId: null, blockSource: "none", needsReview: true, status: "new" });
    expect(d.topicConfidence).toBeLessThan(0.5);
    expect(d.blockReason).toEqual({ reason: "низкая уверенность классификатора" });
    // The threshold is the context's: a strict one sends even a clear text to review.
    expect(decide(msg({ textClean: ROADS }), ctxWith([], 0.99999999)).needsReview).toBe(true);
  });

  it("empty and HTML-only text go to review, not to a guessed block", () => {
    for (const textClean of ["", "   ", "<p>&nbsp;</p>"]) {
      expect(decide(msg({ textClean }), ctxWith())).toMatchObject({ blockId: null, needsReview: true, status: "new" });
    }
  });

  it("a topic the desk does not have → review", () => {
    const ctx = buildRoutingContext({
      topics: TOPICS.filter((t) => t.code !== "education"),
      categoryMaps: [],
      rules: [],
    });
    const d = decide(msg({ textClean: "В школе № 3 холодно в классах, дети сидят в куртках" }), ctx);
    expect(d).toMatchObject({ topicId: null, topicSource: "model", blockId: null, needsReview: true, status: "new" });
    expect(d.blockReason).toEqual({ reason: "тема не определена" });
  });

  it("a matching rule still routes a low-confidence message", () => {
    const d = decide(
      msg({ textClean: "фываолдж сугроб" }),
      ctxWith([rule({ id: 1, keywords: ["сугроб"], blockId: 4 })]),
    );
    expect(d).toMatchObject({ blockId: 4, blockSource: "rule", needsReview: false, status: "routed" });
  });
});
