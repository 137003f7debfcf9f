import { FeatureSpace, MAX_TOKENS, PREFIX_MARK, newFeatureBuffer, type FeatureBuffer } from "./features";
import {
  docScale,
  fitTemperature,
  linearScores,
  softmaxInPlace,
  trainLogReg,
  trainNaiveBayes,
  type FeatureScaling,
  type SparseDoc,
} from "./learners";
import { contentWords, stemWord } from "./tokenize";
import { TOPICS, type LabelledText, type Topic } from "./topics";

export interface Prediction {
  topic: Topic;
  /** Calibrated probability of `topic` (0..1); 0 when the text has no word the model knows. */
  confidence: number;
  /** The message's own words that pushed hardest towards `topic`, strongest first (up to 5). */
  words: string[];
}

export type ModelKind = "logreg" | "naive_bayes";

export interface TrainOptions {
  kind: ModelKind;
  /** Minimum number of training messages a unigram / bigram must occur in to become a feature. */
  minUnigramDocs: number;
  minBigramDocs: number;
  /** Length of word-prefix features ("^терап"); 0 disables them. */
  prefixLength: number;
  scaling: FeatureScaling;
  l2: number;
  iterations: number;
  learningRate: number;
  alpha: number;
  /** L2 multiplier for lexicon features: below 1 lets curated domain knowledge weigh more. */
  lexiconL2Factor: number;
  /** Folds for fitting the confidence temperature on out-of-fold scores; 0 or 1 disables it. */
  calibrationFolds: number;
}

/** Defaults picked by cross-validation on the corpus train split (see lib/cli/eval-classify.ts). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  kind: "logreg",
  minUnigramDocs: 2,
  minBigramDocs: 2,
  prefixLength: 5,
  scaling: "none",
  l2: 3e-4,
  iterations: 300,
  learningRate: 0.05,
  alpha: 0.1,
  lexiconL2Factor: 1,
  calibrationFolds: 5,
};

/** JSON shape of lib/classify/model.json. */
export interface SerializedModel {
  format: "mcu-topic-model";
  version: 1;
  kind: ModelKind;
  topics: string[];
  scaling: FeatureScaling;
  prefixLength: number;
  temperature: number;
  trainedOn: number;
  stems: string[];
  unigrams: number[];
  bigrams: number[];
  /** Weights ×1000 rounded, row-major by feature: keeps model.json small without hurting accuracy. */
  weights: number[];
  bias: number[];
}

const K = TOPICS.length;
const WEIGHT_QUANTUM = 1000;
const MAX_EXPLAIN_WORDS = 5;
const EMPTY_PREDICTION: Readonly<Prediction> = Object.freeze({ topic: "other", confidence: 0, words: [] });

export class TopicModel {
  private readonly space: FeatureSpace;
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;
  private readonly meanWeight: Float32Array; // per feature: mean over classes, for explanations
  // Scratch buffers reused across predict() calls: prediction must not allocate per message.
  private readonly buf: FeatureBuffer = newFeatureBuffer();
  private readonly scores = new Float64Array(K);
  private readonly contributions = new Float64Array(MAX_TOKENS);

  private constructor(
    readonly kind: ModelKind,
    readonly scaling: FeatureScaling,
    readonly prefixLength: number,
    readonly temperature: number,
    readonly trainedOn: number,
    private readonly stems: string[],
    private readonly unigrams: number[],
    private readonly bigrams: number[],
    weights: ArrayLike<number>,
    bias: ArrayLike<number>,
  ) {
    this.space = new FeatureSpace(stems, unigrams, bigrams, prefixLength);
    if (weights.length !== this.space.featureCount * K) throw new Error("model: weight matrix does not match features");
    this.weights = Float32Array.from(weights);
    this.bias = Float64Array.from(bias);
    this.meanWeight = new Float32Array(this.space.featureCount);
    for (let f = 0; f < this.space.featureCount; f++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += this.weights[f * K + k];
      this.meanWeight[f] = sum / K;
    }
  }

  static load(json: unknown): TopicModel {
    const m = validateSerialized(json);
    const { kind, scaling, prefixLength, temperature, trainedOn, stems, unigrams, bigrams, weights, bias } = m;
    const scaled = weights.map((w) => w / WEIGHT_QUANTUM);
    return new TopicModel(kind, scaling, prefixLength, temperature, trainedOn, stems, unigrams, bigrams, scaled, bias);
  }

  /**
   * @internal used by train(). Parameters are rounded exactly as serialize() stores them, so a
   * freshly trained model and its saved/loaded copy predict identically.
   */
  static fromTrained(
    options: TrainOptions,
    temperature: number,
    trainedOn: number,
    vocab: Vocabulary,
    weights: ArrayLike<number>,
    bias: ArrayLike<number>,
  ): TopicModel {
    const w = Array.from(weights, (x) => Math.round(x * WEIGHT_QUANTUM) / WEIGHT_QUANTUM);
    const b = Array.from(bias, (x) => round(x, 1e4));
    const { kind, scaling, prefixLength } = options;
    const { stems, unigrams, bigrams } = vocab;
    return new TopicModel(
      kind,
      scaling,
      prefixLength,
      round(temperature, 1e4),
      trainedOn,
      stems,
      unigrams,
      bigrams,
      w,
      b,
    );
  }

  serialize(): SerializedModel {
    return {
      format: "mcu-topic-model",
      version: 1,
      kind: this.kind,
      topics: [...TOPICS],
      scaling: this.scaling,
      prefixLength: this.prefixLength,
      temperature: this.temperature,
      trainedOn: this.trainedOn,
      stems: this.stems,
      unigrams: this.unigrams,
      bigrams: this.bigrams,
      // "|| 0" turns -0 into 0, which JSON would do anyway; keeps serialize() a fixed point.
      weights: Array.from(this.weights, (w) => Math.round(w * WEIGHT_QUANTUM) || 0),
      bias: Array.from(this.bias),
    };
  }

  /** Raw linear scores of a text (before temperature/softmax); shared by predict and calibration. */
  rawScores(text: string): Float64Array {
    this.space.extract(text, this.buf);
    this.score();
    return Float64Array.from(this.scores);
  }

  predict(text: string): Prediction {
    if (typeof text !== "string" || text.length === 0) return { ...EMPTY_PREDICTION, words: [] };
    this.space.extract(text, this.buf);
    // No known word and no lexicon hit: there is no evidence, only the prior, so report "other"
    // with zero confidence rather than the prior dressed up as a decision.
    if (this.buf.count === 0) return { ...EMPTY_PREDICTION, words: [] };
    this.score();
    const s = this.scores;
    let best = 0;
    for (let k = 1; k < K; k++) if (s[k] > s[best]) best = k;
    softmaxInPlace(s, this.temperature);
    return { topic: TOPICS[best], confidence: round(s[best], 1e4), words: this.explain(best) };
  }

  private score(): void {
    const { features, count } = this.buf;
    linearScores(this.weights, this.bias, features, docScale(count, this.scaling), K, this.scores, count);
  }

  /**
   * Credit each content word with how much its unigram, bigrams and lexicon hits favour `k` over
   * the average class, and return the top distinct words.
   */
  private explain(k: number): string[] {
    const { words, infos, tokenBigram, tokenLexMask, tokenCount } = this.buf;
    const n = Math.min(tokenCount, this.contributions.length);
    const c = this.contributions;
    for (let i = 0; i < n; i++) c[i] = 0;
    for (let i = 0; i < n; i++) {
      const info = infos[i];
      if (info.unigram >= 0) c[i] += this.lift(info.unigram, k);
      if (info.prefix >= 0) c[i] += this.lift(info.prefix, k);
      if (tokenBigram[i] >= 0) {
        const half = this.lift(tokenBigram[i], k) / 2;
        c[i] += half;
        c[i - 1] += half;
      }
      // A lexicon hit is credited with the first-level lexicon feature of each topic it names.
      let mask = tokenLexMask[i];
      for (let t = 0; mask !== 0; t++, mask >>>= 1) if (mask & 1) c[i] += this.lift(this.space.lexFeature(t, 0), k);
    }
    const picked: number[] = [];
    for (let round = 0; round < MAX_EXPLAIN_WORDS; round++) {
      let bestI = -1;
      for (let i = 0; i < n; i++) {
        if (c[i] <= 0 || (bestI >= 0 && c[i] <= c[bestI])) continue;
        if (picked.some((p) => words[p] === words[i])) continue;
        bestI = i;
      }
      if (bestI < 0) break;
      picked.push(bestI);
      c[bestI] = 0;
    }
    return picked.map((i) => words[i]);
  }

  private lift(feature: number, k: number): number {
    return this.weights[feature * K + k] - this.meanWeight[feature];
  }
}

function round(x: number, q: number): number {
  return Math.round(x * q) / q || 0; // no -0: JSON cannot represent it
}

const isNumberArray = (x: unknown): x is number[] => Array.isArray(x) && x.every((v) => typeof v === "number");

/** Shape check of model JSON, so a corrupt or foreign file fails loudly at load, not mid-ingest. */
function validateSerialized(json: unknown): SerializedModel {
  const m = json as Partial<SerializedModel> | null;
  if (!m || m.format !== "mcu-topic-model" || m.version !== 1) throw new Error("model: not an mcu-topic-model v1");
  if (!Array.isArray(m.topics) || m.topics.join() !== TOPICS.join())
    throw new Error("model: topic list differs from TOPICS");
  if (m.kind !== "logreg" && m.kind !== "naive_bayes") throw new Error(`model: unknown kind ${String(m.kind)}`);
  if (m.scaling !== "none" && m.scaling !== "sqrt") throw new Error(`model: unknown scaling ${String(m.scaling)}`);
  if (typeof m.prefixLength !== "number" || typeof m.temperature !== "number" || !(m.temperature > 0)) {
    throw new Error("model: bad prefixLength/temperature");
  }
  if (!Array.isArray(m.stems) || !m.stems.every((s) => typeof s === "string")) throw new Error("model: bad stems");
  for (const key of ["unigrams", "bigrams", "weights", "bias"] as const) {
    if (!isNumberArray(m[key])) throw new Error(`model: bad ${key}`);
  }
  if ((m.bias as number[]).length !== TOPICS.length) throw new Error("model: bad bias length");
  return m as SerializedModel;
}

/** Stems and n-gram features kept for a training set. */
export interface Vocabulary {
  stems: string[];
  unigrams: number[];
  bigrams: number[];
}

function limitedContentWords(text: string): string[] {
  return contentWords(text).slice(0, MAX_TOKENS);
}

export function buildVocabulary(
  texts: readonly string[],
  opt: Pick<TrainOptions, "minUnigramDocs" | "minBigramDocs" | "prefixLength">,
): Vocabulary {
  const { minUnigramDocs, minBigramDocs, prefixLength } = opt;
  const uniDf = new Map<string, number>();
  const biDf = new Map<string, number>();
  for (const text of texts) {
    const words = limitedContentWords(text);
    const st = words.map(stemWord);
    const keys = new Set(st);
    if (prefixLength > 0)
      for (const w of words) if (w.length > prefixLength) keys.add(PREFIX_MARK + w.slice(0, prefixLength));
    for (const s of keys) uniDf.set(s, (uniDf.get(s) ?? 0) + 1);
    const pairs = new Set<string>();
    for (let i = 1; i < st.length; i++) pairs.add(st[i - 1] + "\u0000" + st[i]);
    for (const p of pairs) biDf.set(p, (biDf.get(p) ?? 0) + 1);
  }
  const stemIds = new Map<string, number>();
  const idOf = (s: string) => {
    let id = stemIds.get(s);
    if (id === undefined) stemIds.set(s, (id = stemIds.size));
    return id;
  };
  // Sorted so that model.json is stable across retrains on the same data.
  const unigrams = [...uniDf]
    .filter(([, df]) => df >= minUnigramDocs)
    .map(([s]) => s)
    .sort()
    .map(idOf);
  const bigrams: number[] = [];
  for (const [p] of [...biDf]
    .filter(([, df]) => df >= minBigramDocs)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [a, b] = p.split("\u0000");
    bigrams.push(idOf(a), idOf(b));
  }
  return { stems: [...stemIds.keys()], unigrams, bigrams };
}

interface FittedCore {
  vocab: Vocabulary;
  weights: Float64Array;
  bias: Float64Array;
}

function fitCore(examples: readonly LabelledText[], opt: TrainOptions): FittedCore {
  const vocab = buildVocabulary(
    examples.map((e) => e.text),
    opt,
  );
  const space = new FeatureSpace(vocab.stems, vocab.unigrams, vocab.bigrams, opt.prefixLength);
  const buf = newFeatureBuffer();
  const docs: SparseDoc[] = examples.map((e) => {
    space.extract(e.text, buf);
    return { features: buf.features.slice(0, buf.count), label: TOPICS.indexOf(e.topic) };
  });
  const l2Factor = new Float64Array(space.featureCount).fill(1);
  l2Factor.fill(opt.lexiconL2Factor, space.lexBase);
  const fitted =
    opt.kind === "logreg"
      ? trainLogReg(docs, space.featureCount, K, opt, l2Factor)
      : trainNaiveBayes(docs, space.featureCount, K, opt);
  return { vocab, ...fitted };
}

/** Deterministic fold assignment: every k-th example of each topic, so folds are stratified. */
function foldOf(examples: readonly LabelledText[], folds: number): number[] {
  const seen = new Map<Topic, number>();
  return examples.map((e) => {
    const i = seen.get(e.topic) ?? 0;
    seen.set(e.topic, i + 1);
    return i % folds;
  });
}

/** Out-of-fold raw scores, used for calibration and for model selection by cross-validation. */
export function crossValidatedScores(
  examples: readonly LabelledText[],
  options: Partial<TrainOptions> = {},
  folds = 5,
): Float64Array[] {
  const opt = { ...DEFAULT_TRAIN_OPTIONS, ...options, calibrationFolds: 0 };
  const fold = foldOf(examples, folds);
  const out: Float64Array[] = new Array<Float64Array>(examples.length);
  for (let f = 0; f < folds; f++) {
    const trainPart = examples.filter((_, i) => fold[i] !== f);
    const model = train(trainPart, opt);
    examples.forEach((e, i) => {
      if (fold[i] === f) out[i] = model.rawScores(e.text);
    });
  }
  return out;
}

/** Train a topic model on labelled texts. */
export function train(examples: readonly LabelledText[], options: Partial<TrainOptions> = {}): TopicModel {
  const opt: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  if (examples.length === 0) throw new Error("train: no examples");
  const core = fitCore(examples, opt);
  let temperature = 1;
  if (opt.calibrationFolds > 1 && examples.length >= opt.calibrationFolds * K) {
    const oof = crossValidatedScores(examples, opt, opt.calibrationFolds);
    temperature = fitTemperature(
      oof,
      examples.map((e) => TOPICS.indexOf(e.topic)),
    );
  }
  return TopicModel.fromTrained(opt, temperature, examples.length, core.vocab, core.weights, core.bias);
}

/** Load a model from its JSON form (model.json). */
export function loadModel(json: unknown): TopicModel {
  return TopicModel.load(json);
}
