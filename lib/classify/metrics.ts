import { TOPICS, type Topic } from "./topics";

/** Evaluation metrics and their text rendering (used by the eval CLI and tests). */

export interface TopicScores {
  topic: Topic;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  total: number;
  correct: number;
  accuracy: number;
  macroF1: number;
  perTopic: TopicScores[];
  /** confusion[true][predicted] counts, indices in TOPICS order. */
  confusion: number[][];
}

export function evaluate(pairs: ReadonlyArray<{ expected: Topic; predicted: Topic }>): Evaluation {
  const K = TOPICS.length;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let correct = 0;
  for (const { expected, predicted } of pairs) {
    confusion[TOPICS.indexOf(expected)][TOPICS.indexOf(predicted)]++;
    if (expected === predicted) correct++;
  }
  const perTopic = TOPICS.map((topic, k) => {
    const tp = confusion[k][k];
    const support = confusion[k].reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[k], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { topic, precision, recall, f1, support };
  });
  const withSupport = perTopic.filter((t) => t.support > 0);
  const macroF1 = withSupport.reduce((a, t) => a + t.f1, 0) / Math.max(1, withSupport.length);
  return {
    total: pairs.length,
    correct,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1,
    perTopic,
    confusion,
  };
}

/**
 * Expected calibration error over 10 equal-width confidence bins: how far "confidence" is from the
 * observed accuracy, on average.
 */
export function expectedCalibrationError(rows: ReadonlyArray<{ confidence: number; correct: boolean }>): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, acc: 0 }));
  for (const r of rows) {
    const b = bins[Math.min(9, Math.floor(r.confidence * 10))];
    b.n++;
    b.conf += r.confidence;
    b.acc += r.correct ? 1 : 0;
  }
  return bins.reduce((sum, b) => sum + (b.n ? Math.abs(b.acc - b.conf) : 0), 0) / Math.max(1, rows.length);
}

/** Render rows as an aligned plain-text table; numeric-looking cells are right-aligned. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const isNumeric = (s: string) => /^-?[\d.]+%?$/.test(s);
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (isNumeric(c) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function perTopicTable(ev: Evaluation): string {
  const f = (x: number) => x.toFixed(3);
  const rows = ev.perTopic.map((t) => [t.topic, f(t.precision), f(t.recall), f(t.f1), String(t.support)]);
  rows.push(["(macro)", "", "", f(ev.macroF1), String(ev.total)]);
  return formatTable(["topic", "precision", "recall", "f1", "support"], rows);
}

/** Five-letter column labels keep the 15×15 matrix within a terminal's width. */
const SHORT: Readonly<Record<Topic, string>> = {
  education: "educ",
  healthcare: "heal",
  social: "soc",
  transport: "trans",
  roads: "road",
  energy: "enrg",
  housing: "hous",
  waste: "wast",
  property: "prop",
  construction: "cons",
  trade: "trad",
  sport: "sprt",
  culture: "cult",
  guardianship: "guar",
  other: "oth",
};

export function confusionTable(ev: Evaluation): string {
  const header = ["true \\ predicted", ...TOPICS.map((t) => SHORT[t])];
  const rows = TOPICS.map((t, k) => [t, ...ev.confusion[k].map((n) => (n ? String(n) : "."))]);
  // Zeros print as "." so the diagonal and the real confusions stand out.
  return formatTable(header, rows);
}
