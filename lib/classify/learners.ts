/**
 * The two learners compared for the topic model, over sparse binary feature vectors.
 * Both produce a linear scorer `score_k = bias_k + scale * Σ_f W[f*K + k]`, so prediction code is
 * the same whichever wins on held-out data.
 */

export interface SparseDoc {
  features: Int32Array;
  label: number;
}

export interface LinearWeights {
  weights: Float64Array; // featureCount × classCount, row-major by feature
  bias: Float64Array; // classCount
}

export type FeatureScaling = "none" | "sqrt";

/** Why: normalising by √(active features) stops long messages from being over-confident. */
export function docScale(activeCount: number, scaling: FeatureScaling): number {
  if (scaling === "none" || activeCount === 0) return 1;
  return 1 / Math.sqrt(activeCount);
}

export interface LogRegOptions {
  l2: number;
  iterations: number;
  learningRate: number;
  scaling: FeatureScaling;
}

/**
 * Multinomial logistic regression with L2, full-batch Adam. The corpus is small (hundreds of
 * messages), so exact full-batch gradients are cheap and make training deterministic.
 */
export function trainLogReg(
  docs: readonly SparseDoc[],
  featureCount: number,
  classCount: number,
  opt: LogRegOptions,
  /** Per-feature multiplier of the L2 penalty (e.g. weaker for hand-written lexicon features). */
  l2Factor?: Float64Array,
): LinearWeights {
  const K = classCount;
  const W = new Float64Array(featureCount * K);
  const bias = new Float64Array(K);
  const gW = new Float64Array(W.length);
  const gB = new Float64Array(K);
  const mW = new Float64Array(W.length);
  const vW = new Float64Array(W.length);
  const mB = new Float64Array(K);
  const vB = new Float64Array(K);
  const scores = new Float64Array(K);
  const n = docs.length;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;

  for (let it = 1; it <= opt.iterations; it++) {
    gW.fill(0);
    gB.fill(0);
    for (const doc of docs) {
      const scale = docScale(doc.features.length, opt.scaling);
      linearScores(W, bias, doc.features, scale, K, scores);
      softmaxInPlace(scores);
      scores[doc.label] -= 1; // now the gradient of NLL w.r.t. the scores
      for (let k = 0; k < K; k++) gB[k] += scores[k] / n;
      for (const f of doc.features) {
        const base = f * K;
        for (let k = 0; k < K; k++) gW[base + k] += (scores[k] * scale) / n;
      }
    }
    for (let i = 0; i < W.length; i++) gW[i] += opt.l2 * (l2Factor ? l2Factor[(i / K) | 0] : 1) * W[i];
    const lr = (opt.learningRate * Math.sqrt(1 - beta2 ** it)) / (1 - beta1 ** it);
    adamStep(W, gW, mW, vW, lr, beta1, beta2, eps);
    adamStep(bias, gB, mB, vB, lr, beta1, beta2, eps);
  }
  return { weights: W, bias };
}

function adamStep(
  p: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  lr: number,
  b1: number,
  b2: number,
  eps: number,
): void {
  for (let i = 0; i < p.length; i++) {
    m[i] = b1 * m[i] + (1 - b1) * g[i];
    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
    p[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + eps);
  }
}

export interface NaiveBayesOptions {
  alpha: number;
}

/**
 * Multinomial naive Bayes over binary features (a.k.a. binarised MNB), expressed as linear weights
 * log P(f|k) and log-prior biases.
 */
export function trainNaiveBayes(
  docs: readonly SparseDoc[],
  featureCount: number,
  classCount: number,
  opt: NaiveBayesOptions,
): LinearWeights {
  const K = classCount;
  const counts = new Float64Array(featureCount * K);
  const totals = new Float64Array(K);
  const prior = new Float64Array(K);
  for (const doc of docs) {
    prior[doc.label] += 1;
    for (const f of doc.features) counts[f * K + doc.label] += 1;
    totals[doc.label] += doc.features.length;
  }
  const W = new Float64Array(featureCount * K);
  for (let k = 0; k < K; k++) {
    const denom = Math.log(totals[k] + opt.alpha * featureCount);
    for (let f = 0; f < featureCount; f++) W[f * K + k] = Math.log(counts[f * K + k] + opt.alpha) - denom;
  }
  const bias = new Float64Array(K);
  for (let k = 0; k < K; k++) bias[k] = Math.log((prior[k] + 1) / (docs.length + K));
  return { weights: W, bias };
}

export function linearScores(
  W: ArrayLike<number>,
  bias: ArrayLike<number>,
  features: ArrayLike<number>,
  scale: number,
  K: number,
  out: Float64Array,
  count = features.length,
): void {
  for (let k = 0; k < K; k++) out[k] = 0;
  for (let i = 0; i < count; i++) {
    const base = features[i] * K;
    for (let k = 0; k < K; k++) out[k] += W[base + k];
  }
  for (let k = 0; k < K; k++) out[k] = bias[k] + out[k] * scale;
}

export function softmaxInPlace(x: Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > max) max = x[i];
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    x[i] = Math.exp((x[i] - max) / temperature);
    sum += x[i];
  }
  for (let i = 0; i < x.length; i++) x[i] /= sum;
}

/**
 * Temperature T minimising the NLL of out-of-fold scores: a one-parameter calibration that keeps
 * the argmax and makes "confidence" behave like a probability.
 */
export function fitTemperature(scoreRows: readonly Float64Array[], labels: readonly number[]): number {
  const nll = (t: number) => {
    let total = 0;
    const tmp = new Float64Array(scoreRows[0]?.length ?? 0);
    scoreRows.forEach((row, i) => {
      tmp.set(row);
      softmaxInPlace(tmp, t);
      total -= Math.log(Math.max(tmp[labels[i]], 1e-12));
    });
    return total;
  };
  if (scoreRows.length === 0) return 1;
  // Golden-section search on log T in [1/20, 20]; the NLL is unimodal in T.
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}
