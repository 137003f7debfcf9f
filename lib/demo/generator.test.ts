import { describe, expect, it } from "vitest";
import { TOPICS } from "@/lib/channels/types";
import { createRng, generateResidentMessage, POS_CATEGORIES, topicOfPosCategory, type MessageStyle } from "./generator";
import { ALL_THEMES } from "./themes";

function batch(seed: number, n: number, style?: MessageStyle) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => generateResidentMessage(rng, { style }));
}

describe("generateResidentMessage", () => {
  it("is deterministic for a seed", () => {
    expect(batch(42, 200)).toEqual(batch(42, 200));
    expect(batch(42, 50).map((m) => m.text)).not.toEqual(batch(43, 50).map((m) => m.text));
  });

  it("produces at least 95% distinct texts in 1,000 messages, in every style", () => {
    for (const style of ["formal", "social", "chat", "portal"] as const) {
      const texts = batch(7, 1000, style).map((m) => m.text);
      expect(new Set(texts).size, style).toBeGreaterThanOrEqual(950);
    }
  });

  it("covers every topic, with several sub-themes each", () => {
    const seen = new Set(batch(1, 3000).map((m) => m.topic));
    expect([...seen].sort()).toEqual([...TOPICS].sort());
    for (const topic of TOPICS) {
      const rng = createRng(5);
      const subs = new Set(Array.from({ length: 60 }, () => generateResidentMessage(rng, { topic }).posSubcategory));
      expect(subs.size, topic).toBeGreaterThanOrEqual(2);
      expect(generateResidentMessage(rng, { topic }).topic).toBe(topic);
    }
  });

  it("uses only ПОС categories that exist and map back to the theme's topic", () => {
    for (const theme of ALL_THEMES) {
      expect(POS_CATEGORIES.map((c) => c.name)).toContain(theme.category);
      const cat = POS_CATEGORIES.find((c) => c.name === theme.category);
      expect(
        cat?.subcategories.some((s) => s.name === theme.subcategory),
        theme.subcategory,
      ).toBe(true);
      expect(topicOfPosCategory(theme.category, theme.subcategory)).toBe(theme.topic);
    }
  });

  it("fills every placeholder and fills authors and places", () => {
    for (const m of batch(3, 800, "formal")) {
      expect(m.text).not.toMatch(/\{\w+\}/);
      expect(m.title).not.toMatch(/\{\w+\}/);
      expect(m.authorName.split(" ").length).toBeGreaterThanOrEqual(2);
      expect(m.authorPhone).toMatch(/^\+7 9\d\d \d{3}-\d{2}-\d{2}$/);
      expect(m.authorEmail).toMatch(/^[a-z0-9._-]+@[a-z.]+$/);
      expect(m.address).toMatch(/^(г|с)\. /);
      expect(m.lat).toBeGreaterThan(46.8);
      expect(m.lat).toBeLessThan(47.6);
      expect(m.lon).toBeGreaterThan(141.9);
      expect(m.lon).toBeLessThan(142.3);
    }
  });

  it("mixes in HTML and emoji, and varies localities", () => {
    const all = [...batch(9, 1000, "formal"), ...batch(9, 1000, "social")];
    expect(all.filter((m) => m.hasHtml && /<(p|br)/.test(m.text)).length).toBeGreaterThan(20);
    expect(all.filter((m) => /\p{Extended_Pictographic}/u.test(m.text)).length).toBeGreaterThan(50);
    expect(new Set(all.map((m) => m.locality)).size).toBeGreaterThanOrEqual(8);
  });

  it("honours `at`, and otherwise stays within spreadDays before `now`", () => {
    const rng = createRng(11);
    const at = new Date("2026-03-01T00:00:00Z");
    expect(generateResidentMessage(rng, { at }).createdAt).toEqual(at);
    const now = new Date("2026-06-01T00:00:00Z");
    for (let i = 0; i < 500; i++) {
      const t = generateResidentMessage(rng, { now, spreadDays: 10 }).createdAt.getTime();
      expect(t).toBeLessThanOrEqual(now.getTime());
      expect(t).toBeGreaterThan(now.getTime() - 11 * 86_400_000);
    }
  });

  it("adds a 59-ФЗ closing when asked", () => {
    const rng = createRng(2);
    expect(generateResidentMessage(rng, { fz59: true }).text).toMatch(/59-ФЗ/);
  });
});
