import { describe, expect, it } from "vitest";
import { classifyText } from "./classifier";

const EMPTY = { topic: "other", confidence: 0, words: [] };

describe("classifyText robustness", () => {
  it("returns other with confidence 0 for empty and whitespace text", () => {
    expect(classifyText("")).toEqual(EMPTY);
    expect(classifyText("   \n\t ")).toEqual(EMPTY);
  });

  it("returns other with confidence 0 for HTML-only text", () => {
    expect(classifyText("<p>&nbsp;</p><br/><div></div>")).toEqual(EMPTY);
    expect(classifyText("<script>alert('x')</script><style>p{}</style>")).toEqual(EMPTY);
  });

  it("returns other with confidence 0 for emoji, punctuation and numbers only", () => {
    expect(classifyText("😡😡😡 👍🏻 🙏")).toEqual(EMPTY);
    expect(classifyText("!!! ??? ... 12345 +7 (914) 000-00-00")).toEqual(EMPTY);
  });

  it("does not throw on non-string input from untyped callers", () => {
    expect(classifyText(undefined as unknown as string)).toEqual(EMPTY);
    expect(classifyText(null as unknown as string)).toEqual(EMPTY);
    expect(classifyText(42 as unknown as string)).toEqual(EMPTY);
  });

  it("classifies a 1 MB message by its head without throwing", () => {
    const head = "Мусор не вывозят уже две недели, контейнеры переполнены. ";
    const huge = head + "<p>бла-бла&nbsp;текст</p> 😀 ".repeat(Math.ceil(1_000_000 / 25));
    expect(huge.length).toBeGreaterThan(1_000_000);
    const p = classifyText(huge);
    expect(p.topic).toBe("waste");
    expect(p.confidence).toBeGreaterThan(0);
    expect(() => classifyText("а".repeat(1_000_000))).not.toThrow();
    expect(() => classifyText("<".repeat(1_000_000))).not.toThrow();
  });

  it("survives hostile markup without pathological regex backtracking", () => {
    const hostile = [
      "<a".repeat(500_000),
      "<script>".repeat(150_000),
      "&".repeat(1_000_000),
      "x@".repeat(500_000) + "/",
      "http://" + "a".repeat(1_000_000),
      "дорога".repeat(200_000), // one glued "word": not a word, ignored
    ];
    const started = performance.now();
    for (const text of hostile) expect(classifyText(text)).toEqual(EMPTY);
    // Generous bound: each input takes a few ms; quadratic behaviour would take seconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("handles HTML-wrapped, all-caps and typo-laden messages", () => {
    expect(classifyText("<p>ЯМЫ НА ДОРОГЕ&nbsp;ПО ЛЕНИНА!!!</p>").topic).toBe("roads");
    expect(classifyText("мусaр не вывазят, кoнтейнеры полные").topic).toBe("waste");
  });

  it("returns a fresh words array per call", () => {
    const a = classifyText("нет света на улице");
    const b = classifyText("нет света на улице");
    expect(a).toEqual(b);
    expect(a.words).not.toBe(b.words);
  });
});
