// The statistics behind «Причины роста». Pure functions, no I/O, so they are unit-tested on known
// numbers (lib/analytics/growth-stats.test.ts).
//
// The test. For one topic × locality cell let x be this week's count and b the total of the k
// baseline weeks before it. If the cell's weekly rate did not change, the n = x + b messages of the
// k + 1 weeks fall into each week with equal chance, so given n, x ~ Binomial(n, 1 / (k + 1)).
// The one-sided p-value is P(X ≥ x). This is the exact conditional test for comparing two Poisson
// rates: unlike a Poisson test against a plugged-in baseline rate it needs no estimate of the rate
// and stays exact for small counts.
//
// Many cells are tested at once, so the p-values are adjusted by Benjamini–Hochberg; a growth is
// reported when its q-value is ≤ 5 % (false discovery rate 5 %), the week has at least
// MIN_CURRENT messages and at least MIN_RATIO times the baseline's weekly mean.

/** Reported growths keep the expected share of false ones among them at or below this. */
export const FDR_LEVEL = 0.05;
/** «1 → 3» is not growth: fewer messages than this in the week are never reported. */
export const MIN_CURRENT = 5;
/** A significant but small change in a big cell (1 000 → 1 080) is not a «cause of growth». */
export const MIN_RATIO = 1.5;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(z) for z > 0 (Lanczos approximation, g = 7; ~15 significant digits). */
export function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  const EPS = 1e-15;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). Small values are computed directly (no 1 − …), so tiny
 * p-values keep their precision. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return Math.min(1, Math.max(0, regularizedBeta(p, k, n - k + 1)));
}

export type GrowthTest = {
  /** This week's count. */
  observed: number;
  /** The baseline's weekly mean (what the week would hold if nothing changed). */
  expected: number;
  /** observed / expected; Infinity when the baseline is empty. */
  ratio: number;
  /** One-sided exact conditional binomial p-value, P(X ≥ observed | n). */
  pValue: number;
};

/**
 * The conditional binomial test of one cell: `observed` messages this week against `baseline`
 * messages over `baselineWeeks` weeks of the same length.
 */
export function growthTest(observed: number, baseline: number, baselineWeeks: number): GrowthTest {
  if (!Number.isInteger(observed) || !Number.isInteger(baseline) || observed < 0 || baseline < 0) {
    throw new Error("growthTest: counts must be non-negative integers");
  }
  if (!Number.isInteger(baselineWeeks) || baselineWeeks < 1) throw new Error("growthTest: baselineWeeks must be ≥ 1");
  const expected = baseline / baselineWeeks;
  const ratio = expected > 0 ? observed / expected : observed > 0 ? Number.POSITIVE_INFINITY : 1;
  const pValue = binomialUpperTail(observed, observed + baseline, 1 / (baselineWeeks + 1));
  return { observed, expected, ratio, pValue };
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the input order: q_(i) = min over j ≥ i of
 * p_(j) · m / j, capped at 1. Rejecting every hypothesis with q ≤ α controls the false discovery
 * rate at α for independent (or positively dependent) tests.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, i] = order[rank - 1];
    running = Math.min(running, (p * m) / rank);
    q[i] = Math.min(1, running);
  }
  return q;
}

/** Whether a tested cell is reported as a growth (see the module comment). */
export function isReportedGrowth(t: GrowthTest, qValue: number): boolean {
  return qValue <= FDR_LEVEL && t.observed >= MIN_CURRENT && t.ratio >= MIN_RATIO;
}

// ---------------------------------------------------------------------------------------------
// Distinctive words: weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
// & Quinn, «Fightin' words», 2008). For each term w, with y counts in this week's cell (i) and in
// the topic's baseline (j), n the corpus totals and α_w the prior (α₀ spread by the term's share of
// both corpora together):
//   δ_w = ln((y_wi + α_w) / (n_i + α₀ − y_wi − α_w)) − ln((y_wj + α_w) / (n_j + α₀ − y_wj − α_w))
//   σ²_w ≈ 1 / (y_wi + α_w) + 1 / (y_wj + α_w),  z_w = δ_w / σ_w
// The prior shrinks rare words toward no difference, so a word seen once is not «distinctive».

export type TermScore = { term: string; z: number; delta: number; countTarget: number; countReference: number };

/** Prior strength α₀: the weight of the combined-corpus frequencies, in pseudo-counts. */
export const PRIOR_STRENGTH = 500;

export function logOddsDirichlet(
  target: ReadonlyMap<string, number>,
  reference: ReadonlyMap<string, number>,
  priorStrength = PRIOR_STRENGTH,
): TermScore[] {
  let nTarget = 0;
  let nReference = 0;
  for (const c of target.values()) nTarget += c;
  for (const c of reference.values()) nReference += c;
  const total = nTarget + nReference;
  if (total === 0) return [];
  const a0 = priorStrength;
  const out: TermScore[] = [];
  for (const [term, yi] of target) {
    const yj = reference.get(term) ?? 0;
    const alpha = (a0 * (yi + yj)) / total;
    // The floor only matters for a one-word vocabulary, where the «rest» of a corpus is empty.
    const li = Math.log((yi + alpha) / Math.max(nTarget + a0 - yi - alpha, 1e-9));
    const lj = Math.log((yj + alpha) / Math.max(nReference + a0 - yj - alpha, 1e-9));
    const delta = li - lj;
    const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
    out.push({ term, z: delta / Math.sqrt(variance), delta, countTarget: yi, countReference: yj });
  }
  return out.sort((a, b) => b.z - a.z || a.term.localeCompare(b.term));
}
