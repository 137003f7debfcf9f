import { normalizeText } from "./tokenize";
import { isTopic, type LabelledText, type Topic } from "./topics";

/**
 * Coordinators' corrections (a message re-labelled by hand) are the best training data we get:
 * real messages, labelled by the people who route them. This module folds them into the corpus.
 */

export interface MergeResult {
  examples: LabelledText[];
  /** Corrections that re-labelled an existing training text. */
  relabelled: number;
  /** Corrections added as new examples. */
  added: number;
  /** Corrections skipped: empty text or unknown topic. */
  skipped: number;
}

/**
 * Merge corrections into a training set. Pure: inputs are not modified.
 *
 * - Texts are compared by their normalised form, so a correction of a message already in the corpus
 *   (same words, different HTML/case/punctuation) replaces that example's label instead of adding a
 *   contradictory duplicate.
 * - Among corrections of the same text, the last one wins (the coordinator's latest decision).
 * - Invalid rows (unknown topic, text without words) are counted and skipped, never thrown on, so
 *   one bad row from the database cannot block retraining.
 */
export function mergeCorrections(base: readonly LabelledText[], corrections: readonly unknown[]): MergeResult {
  const latest = new Map<string, LabelledText>();
  let skipped = 0;
  for (const row of corrections) {
    const c = row as Partial<LabelledText> | null;
    const key = c && typeof c.text === "string" ? normalizeText(c.text) : "";
    if (!c || !key || !isTopic(c.topic)) {
      skipped++;
      continue;
    }
    latest.delete(key); // re-insert so iteration order follows the latest correction
    latest.set(key, { text: c.text as string, topic: c.topic as Topic });
  }

  let relabelled = 0;
  const matched = new Set<string>();
  const examples = base.map((e) => {
    const key = normalizeText(e.text);
    const correction = latest.get(key);
    if (!correction) return { text: e.text, topic: e.topic };
    matched.add(key);
    relabelled++;
    return { text: e.text, topic: correction.topic };
  });
  let added = 0;
  for (const [key, c] of latest) {
    if (matched.has(key)) continue;
    examples.push(c);
    added++;
  }
  return { examples, relabelled, added, skipped };
}
