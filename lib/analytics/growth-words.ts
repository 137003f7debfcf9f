// Distinctive words of a growth: what this week's messages of the cell talk about more than the
// topic usually does. Pure (texts in, words out); the statistic is logOddsDirichlet.
import { contentWords, stemWord } from "@/lib/classify/tokenize";
import { logOddsDirichlet } from "./growth-stats";

/** Only words whose z-score clears the one-sided 5 % level are shown. */
export const WORD_MIN_Z = 1.645;
/** A word used by one resident is not a pattern: it must occur in at least this share of the week's messages (and in two). */
export const WORD_MIN_SHARE = 0.2;
export const WORDS_SHOWN = 8;

export type DistinctiveWord = { word: string; stem: string; z: number; messages: number };

/** Stems of a message, each counted once (document frequency: one long message repeating a word
 * does not make it a trend), with the surface forms seen. */
function messageStems(
  text: string,
  surfaces?: Map<string, Map<string, number>>,
  exclude?: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  for (const word of contentWords(text)) {
    const stem = stemWord(word);
    if (stem.length < 3 || exclude?.has(stem)) continue;
    out.add(stem);
    if (surfaces) {
      let forms = surfaces.get(stem);
      if (!forms) surfaces.set(stem, (forms = new Map()));
      forms.set(word, (forms.get(word) ?? 0) + 1);
    }
  }
  return out;
}

/** In how many of `texts` each stem occurs. */
export function docFrequencies(
  texts: readonly string[],
  surfaces?: Map<string, Map<string, number>>,
  exclude?: ReadonlySet<string>,
): Map<string, number> {
  const df = new Map<string, number>();
  for (const t of texts) for (const s of messageStems(t, surfaces, exclude)) df.set(s, (df.get(s) ?? 0) + 1);
  return df;
}

/** The stems of a locality's name («Чехов» → «чех»): a cell's own place name is not a cause. */
export function placeStems(locality: string): Set<string> {
  return new Set(contentWords(locality).map(stemWord));
}

/**
 * Words of `current` (this week's messages of the cell) that are over-represented against the
 * topic's baseline messages, given as texts or as their docFrequencies (cached by the caller),
 * most distinctive first. Each shown in its most frequent form in this week's messages.
 */
export function distinctiveWords(
  current: readonly string[],
  baseline: readonly string[] | ReadonlyMap<string, number>,
  opts: { exclude?: ReadonlySet<string>; limit?: number } = {},
): DistinctiveWord[] {
  if (current.length === 0) return [];
  const surfaces = new Map<string, Map<string, number>>();
  const target = docFrequencies(current, surfaces, opts.exclude);
  let reference: ReadonlyMap<string, number>;
  if (Array.isArray(baseline)) {
    reference = docFrequencies(baseline as readonly string[], undefined, opts.exclude);
  } else {
    const df = baseline as ReadonlyMap<string, number>;
    // Excluded stems never reach the target, so they cannot be scored; drop them from the reference
    // too so both corpora's totals count the same vocabulary.
    reference = opts.exclude?.size ? new Map([...df].filter(([stem]) => !opts.exclude!.has(stem))) : df;
  }
  const minDocs = Math.max(2, Math.ceil(WORD_MIN_SHARE * current.length));
  const out: DistinctiveWord[] = [];
  for (const s of logOddsDirichlet(target, reference)) {
    if (s.z < WORD_MIN_Z) break;
    if (s.countTarget < minDocs) continue;
    const forms = [...surfaces.get(s.term)!.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.push({ word: forms[0][0], stem: s.term, z: s.z, messages: s.countTarget });
    if (out.length >= (opts.limit ?? WORDS_SHOWN)) break;
  }
  return out;
}
