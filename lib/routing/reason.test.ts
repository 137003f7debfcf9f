import { describe, expect, it } from "vitest";
import { describeBlockReason, describeTopicReason, reasonWords } from "./reason";

describe("routing reasons in words", () => {
  it("describes every automatic source and the manual one", () => {
    expect(describeTopicReason("model", { words: ["яма", "асфальт"], confidence: 0.934, topic: "roads" })).toBe(
      "Классификатор текста, уверенность 93 %; слова: яма, асфальт",
    );
    expect(describeTopicReason("category_map", { category: "Дороги", subcategory: "Ямы" })).toBe(
      "Категория ПОС «Дороги / Ямы»",
    );
    expect(describeBlockReason("rule", { ruleId: 3, rule: "Ливнёвки", keywords: ["ливневка"] })).toBe(
      "Правило «Ливнёвки» (слова: ливневка)",
    );
    expect(describeBlockReason("none", { reason: "низкая уверенность классификатора" })).toBe(
      "Не направлено: низкая уверенность классификатора",
    );
    expect(describeBlockReason("manual", { by: "Ковалёва М. С.", reason: "Это вопрос ЖКХ" })).toBe(
      "Вручную (Ковалёва М. С.): Это вопрос ЖКХ",
    );
  });

  it("tolerates missing or odd JSON", () => {
    expect(describeTopicReason("model", null, 0.2)).toBe(
      "Классификатор текста, уверенность 20 %; значимых слов не найдено",
    );
    expect(describeBlockReason("rule", [1, 2])).toBe("Правило «№ ?»");
    expect(reasonWords({ words: ["а", 5, null, "б"] })).toEqual(["а", "б"]);
    expect(reasonWords("x")).toEqual([]);
  });
});
