import { describe, expect, it } from "vitest";
import {
  benjaminiHochberg,
  binomialUpperTail,
  growthTest,
  isReportedGrowth,
  logGamma,
  logOddsDirichlet,
  MIN_CURRENT,
} from "./growth-stats";

// Reference values below were computed by exact summation of binomial probabilities with
// arbitrary-precision binomial coefficients (Python: sum(comb(n, i) * p**i * (1-p)**(n-i))).
describe("binomialUpperTail", () => {
  it("matches exact sums on known numbers", () => {
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 14);
    expect(binomialUpperTail(6, 20, 1 / 9)).toBeCloseTo(0.01837588986587846, 13);
    expect(binomialUpperTail(3, 11, 1 / 9)).toBeCloseTo(0.11465482548486364, 13);
    expect(binomialUpperTail(10, 90, 1 / 9)).toBeCloseTo(0.5494994467203341, 12);
    expect(binomialUpperTail(60, 500, 1 / 9)).toBeCloseTo(0.2830261700338995, 11);
    expect(binomialUpperTail(130, 1000, 1 / 9)).toBeCloseTo(0.034283721233270704, 11);
  });

  it("keeps the precision of tiny tails (no 1 − x cancellation)", () => {
    const tiny = binomialUpperTail(14, 17, 1 / 9);
    expect(Math.abs(tiny / 2.140655456234174e-11 - 1)).toBeLessThan(1e-9);
    const tinier = binomialUpperTail(14, 14, 1 / 9);
    expect(Math.abs(tinier / 4.3712421746569716e-14 - 1)).toBeLessThan(1e-9);
  });

  it("handles the edges", () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(10, 10, 0.5)).toBeCloseTo(1 / 1024, 15);
    expect(binomialUpperTail(1, 10, 0.5)).toBeCloseTo(1 - 1 / 1024, 14);
  });

  it("logGamma gives ln((n-1)!)", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe("growthTest", () => {
  it("a spike against a low baseline is significant; its p-value is the conditional binomial tail", () => {
    const t = growthTest(14, 3, 8);
    expect(t.expected).toBeCloseTo(0.375, 12);
    expect(t.ratio).toBeCloseTo(14 / 0.375, 10);
    expect(Math.abs(t.pValue / 2.140655456234174e-11 - 1)).toBeLessThan(1e-9);
  });

  it("a stable cell is not significant", () => {
    const t = growthTest(10, 80, 8);
    expect(t.expected).toBe(10);
    expect(t.ratio).toBe(1);
    expect(t.pValue).toBeCloseTo(0.5494994467203341, 12);
    expect(isReportedGrowth(t, t.pValue)).toBe(false);
  });

  it("1 → 3 is never reported, however small its q-value", () => {
    const t = growthTest(3, 8, 8);
    expect(t.ratio).toBe(3);
    expect(t.observed).toBeLessThan(MIN_CURRENT);
    expect(isReportedGrowth(t, 0.0001)).toBe(false);
  });

  it("an empty baseline gives an infinite ratio, and a small but significant rise in a big cell is not reported", () => {
    expect(growthTest(5, 0, 8).ratio).toBe(Number.POSITIVE_INFINITY);
    expect(growthTest(5, 0, 8).pValue).toBeCloseTo((1 / 9) ** 5, 15);
    const big = growthTest(1300, 8000, 8); // +30 %: p tiny, yet below MIN_RATIO
    expect(big.pValue).toBeLessThan(1e-15);
    expect(isReportedGrowth(big, big.pValue)).toBe(false);
  });

  it("uses fewer baseline weeks when history is short", () => {
    // 4 weeks of baseline: x ~ Bin(n, 1/5).
    expect(growthTest(6, 4, 4).pValue).toBeCloseTo(binomialUpperTail(6, 10, 0.2), 15);
    expect(() => growthTest(1, 1, 0)).toThrow();
    expect(() => growthTest(-1, 1, 8)).toThrow();
  });
});

describe("benjaminiHochberg", () => {
  it("adjusts in the input order, monotone in rank, capped at 1", () => {
    // Sorted: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q.map((x) => Number(x.toFixed(12)))).toEqual([0.02, 0.04, 0.04, 0.02]);
    // A later smaller p·m/j pulls earlier ranks down: 0.01·5/1 = 0.05 but 0.02·5/2 = 0.05 …
    expect(benjaminiHochberg([0.01, 0.02, 0.03, 0.04, 0.05]).map((x) => Number(x.toFixed(12)))).toEqual([
      0.05, 0.05, 0.05, 0.05, 0.05,
    ]);
    // 0.04·3/2 = 0.06 > 0.05·3/3 = 0.05, so rank 2 takes 0.05.
    expect(benjaminiHochberg([0.04, 0.05, 0.001]).map((x) => Number(x.toFixed(12)))).toEqual([0.05, 0.05, 0.003]);
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
    expect(benjaminiHochberg([0.6, 0.7, 0.9]).every((x) => x <= 1)).toBe(true);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe("logOddsDirichlet", () => {
  it("matches the formula on a hand-computed example and is antisymmetric", () => {
    const target = new Map([
      ["a", 10],
      ["b", 10],
    ]);
    const reference = new Map([
      ["a", 10],
      ["b", 90],
    ]);
    const scores = logOddsDirichlet(target, reference, 500);
    const a = scores.find((s) => s.term === "a")!;
    const b = scores.find((s) => s.term === "b")!;
    // α_a = 500·20/120; δ = ln(506.67/426.67) = 0.17185…, z = δ / sqrt(2 / (10 + α_a)).
    expect(a.delta).toBeCloseTo(0.17185025692665912, 12);
    expect(a.z).toBeCloseTo(1.1739607478966556, 12);
    expect(b.delta).toBeCloseTo(-0.17185025692665912, 12);
    expect(b.z).toBeCloseTo(-2.615395195114703, 12);
    expect(scores[0].term).toBe("a");
  });

  it("ranks a word frequent only in the target above words shared by both", () => {
    const target = new Map([
      ["напряжен", 12],
      ["свет", 5],
      ["дом", 6],
    ]);
    const reference = new Map([
      ["свет", 40],
      ["дом", 60],
      ["фонар", 30],
      ["напряжен", 1],
    ]);
    const scores = logOddsDirichlet(target, reference);
    expect(scores[0].term).toBe("напряжен");
    expect(scores[0].z).toBeGreaterThan(1.96);
    expect(scores.find((s) => s.term === "дом")!.z).toBeLessThan(1.96);
    expect(logOddsDirichlet(new Map(), new Map())).toEqual([]);
  });
});
