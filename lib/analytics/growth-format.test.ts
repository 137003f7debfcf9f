import { describe, expect, it } from "vitest";
import {
  formatDecimal,
  formatProbability,
  formatProbabilityTerm,
  formatRatio,
  formatWeek,
  messagesWord,
} from "./growth-format";

describe("growth wording", () => {
  it("p- and q-values in Russian notation", () => {
    expect(formatProbability(0.5494)).toBe("0,55");
    expect(formatProbability(0.0321)).toBe("0,032");
    expect(formatProbability(6.0e-8)).toBe("6,0 · 10⁻⁸");
    expect(formatProbability(2.14e-11)).toBe("2,1 · 10⁻¹¹");
    expect(formatProbability(1e-300)).toBe("< 10⁻¹²");
    expect(formatProbabilityTerm("p", 0)).toBe("p < 10⁻¹²");
    expect(formatProbabilityTerm("q", 0.04)).toBe("q = 0,040");
  });

  it("counts, ratios and weeks", () => {
    expect(formatDecimal(0.375)).toBe("0,4");
    expect(formatDecimal(18.67)).toBe("19");
    expect(formatRatio(18.7)).toBe("рост в 19 раз");
    expect(formatRatio(32)).toBe("рост в 32 раза");
    expect(formatRatio(1.5)).toBe("рост в 1,5 раза");
    expect(formatRatio(3)).toBe("рост в 3 раза");
    expect(formatRatio(12)).toBe("рост в 12 раз");
    expect(formatRatio(null)).toBe("раньше таких сообщений не было");
    expect([1, 2, 5, 11, 14, 21, 22, 112].map(messagesWord)).toEqual([
      "1 сообщение",
      "2 сообщения",
      "5 сообщений",
      "11 сообщений",
      "14 сообщений",
      "21 сообщение",
      "22 сообщения",
      "112 сообщений",
    ]);
    expect(formatWeek("2026-11-22", "2026-11-28")).toBe("22–28 ноября 2026");
    expect(formatWeek("2026-11-29", "2026-12-05")).toBe("29 ноября – 5 декабря 2026");
    expect(formatWeek("2026-12-29", "2027-01-04")).toBe("29 декабря 2026 – 4 января 2027");
  });
});
