import { compileLexicon, type CompiledLexicon } from "./lexicon";
import { stemWord, tokenize, wordKind, type WordKind } from "./tokenize";
import { TOPICS } from "./topics";

/**
 * Maps a message onto sparse binary feature ids: stem unigrams, word-prefix unigrams, adjacent-stem
 * bigrams and lexicon hit-count features per topic. Training and prediction share this code so they
 * cannot drift.
 *
 * Feature id layout: [0, U) unigrams (stems, and "^prefix" entries) · [U, U+B) bigrams ·
 * [U+B, U+B+K·L) lexicon hit levels: feature (t, l) fires when topic t's lexicon is hit ≥ l+1 times.
 *
 * Prefix unigrams ("^терап" for "терапии", "терапевт") let the model share evidence between
 * derivations and typo'd endings that Snowball maps to different stems.
 */

/** Marks a prefix entry in the stem table; cannot occur in a real stem. */
export const PREFIX_MARK = "^";
/** Lexicon hit-count levels per topic (1, 2, 3+ hits). */
export const LEX_LEVELS = 3;

/** Per-word facts, computed once per distinct word and memoised (the hot path is a Map lookup). */
interface WordInfo {
  readonly kind: WordKind;
  readonly stemId: number; // -1 when the stem is unknown to the model
  readonly unigram: number; // feature id or -1
  readonly prefix: number; // feature id of the word's leading letters, or -1
  readonly lexMask: number; // topics whose lexicon contains the word
}

/** Reusable output of extract(); sized once so predict() does not allocate per call. */
export interface FeatureBuffer {
  /** Distinct active feature ids, first `count` entries valid. */
  features: Int32Array;
  count: number;
  /** Content words of the message in order (for explanations), first `tokenCount` valid. */
  words: string[];
  infos: WordInfo[];
  /** Per content word: the bigram feature it closes (or -1) and its lexicon topic mask. */
  tokenBigram: Int32Array;
  tokenLexMask: Int32Array;
  tokenCount: number;
}

/** A message this long in content words is already unambiguous; the rest is not read. */
export const MAX_TOKENS = 3000;
const WORD_CACHE_LIMIT = 200_000;
const K = TOPICS.length;

export function newFeatureBuffer(): FeatureBuffer {
  return {
    features: new Int32Array(MAX_TOKENS * 4 + K * LEX_LEVELS),
    count: 0,
    words: [],
    infos: [],
    tokenBigram: new Int32Array(MAX_TOKENS),
    tokenLexMask: new Int32Array(MAX_TOKENS),
    tokenCount: 0,
  };
}

export class FeatureSpace {
  readonly unigramCount: number;
  readonly bigramCount: number;
  readonly featureCount: number;
  readonly lexBase: number;
  private readonly stemIds = new Map<string, number>();
  private readonly stemCount: number;
  private readonly unigramOfStem: Int32Array;
  private readonly bigramOfPair = new Map<number, number>();
  private readonly phraseMaskOfPair = new Map<number, number>();
  private readonly lexicon: CompiledLexicon;
  private readonly wordCache = new Map<string, WordInfo>();
  private readonly seen: Uint32Array;
  private readonly lexHits = new Int32Array(K);
  private stamp = 0;

  /**
   * @param stems     stem table; ids are indices
   * @param unigrams  stem id of each unigram feature
   * @param bigrams   flattened stem-id pairs of each bigram feature
   */
  constructor(
    stems: readonly string[],
    unigrams: readonly number[],
    bigrams: readonly number[],
    readonly prefixLength: number,
  ) {
    this.lexicon = compileLexicon();
    stems.forEach((s, i) => this.stemIds.set(s, i));
    // Lexicon phrases may use stems training never saw; give them ids so phrases still match.
    for (const s of this.lexicon.phraseStems()) if (!this.stemIds.has(s)) this.stemIds.set(s, this.stemIds.size);
    this.stemCount = this.stemIds.size;

    this.unigramCount = unigrams.length;
    this.bigramCount = bigrams.length / 2;
    this.lexBase = this.unigramCount + this.bigramCount;
    this.featureCount = this.lexBase + K * LEX_LEVELS;

    this.unigramOfStem = new Int32Array(this.stemCount).fill(-1);
    unigrams.forEach((stemId, f) => (this.unigramOfStem[stemId] = f));
    for (let b = 0; b < this.bigramCount; b++) {
      this.bigramOfPair.set(this.pairKey(bigrams[2 * b], bigrams[2 * b + 1]), this.unigramCount + b);
    }
    const idToStem = [...this.stemIds.keys()];
    for (let a = 0; a < this.stemCount; a++) {
      if (!this.lexicon.phraseStems().has(idToStem[a])) continue;
      for (const bStem of this.lexicon.phraseStems()) {
        const mask = this.lexicon.phraseMask(idToStem[a], bStem);
        if (mask) this.phraseMaskOfPair.set(this.pairKey(a, this.stemIds.get(bStem) ?? -1), mask);
      }
    }
    this.seen = new Uint32Array(this.featureCount);
  }

  private pairKey(a: number, b: number): number {
    return a * this.stemCount + b;
  }

  private info(word: string): WordInfo {
    let info = this.wordCache.get(word);
    if (info === undefined) {
      const stem = stemWord(word);
      const stemId = this.stemIds.get(stem) ?? -1;
      info = {
        kind: wordKind(word),
        stemId,
        unigram: this.unigramOfId(stemId),
        prefix: this.prefixFeature(word),
        lexMask: this.lexicon.wordMask(word, stem),
      };
      if (this.wordCache.size >= WORD_CACHE_LIMIT) this.wordCache.clear();
      this.wordCache.set(word, info);
    }
    return info;
  }

  private unigramOfId(stemId: number): number {
    return stemId >= 0 && stemId < this.unigramOfStem.length ? this.unigramOfStem[stemId] : -1;
  }

  private prefixFeature(word: string): number {
    // Short words are their own stems; a prefix feature would only duplicate the unigram.
    if (this.prefixLength <= 0 || word.length <= this.prefixLength) return -1;
    return this.unigramOfId(this.stemIds.get(PREFIX_MARK + word.slice(0, this.prefixLength)) ?? -1);
  }

  /** Bigram feature formed by two adjacent content words, or -1 when it is not in the model. */
  bigramOf(prev: WordInfo, cur: WordInfo): number {
    if (prev.stemId < 0 || cur.stemId < 0) return -1;
    return this.bigramOfPair.get(this.pairKey(prev.stemId, cur.stemId)) ?? -1;
  }

  /** Lexicon topics hit by a token alone or as the end of a lexicon phrase. */
  lexMaskAt(infos: readonly WordInfo[], i: number): number {
    let mask = infos[i].lexMask;
    if (i > 0 && infos[i - 1].stemId >= 0 && infos[i].stemId >= 0) {
      mask |= this.phraseMaskOfPair.get(this.pairKey(infos[i - 1].stemId, infos[i].stemId)) ?? 0;
    }
    return mask;
  }

  /** Fill `buf` with the distinct active features of `text`. */
  extract(text: string, buf: FeatureBuffer): void {
    buf.count = 0;
    buf.tokenCount = 0;
    const stamp = this.nextStamp();
    const hits = this.lexHits;
    hits.fill(0);
    let afterStreetMarker = false;
    for (const word of tokenize(text)) {
      // Same selection as contentWords(), with the word's kind memoised in its WordInfo.
      const cur = this.info(word);
      const skip = afterStreetMarker;
      afterStreetMarker = cur.kind === "street-marker";
      if (skip || cur.kind !== "content") continue;
      if (buf.tokenCount >= MAX_TOKENS) break;
      const i = buf.tokenCount++;
      buf.words[i] = word;
      buf.infos[i] = cur;
      if (cur.unigram >= 0) this.add(buf, cur.unigram, stamp);
      if (cur.prefix >= 0) this.add(buf, cur.prefix, stamp);
      const bigram = i > 0 ? this.bigramOf(buf.infos[i - 1], cur) : -1;
      if (bigram >= 0) this.add(buf, bigram, stamp);
      buf.tokenBigram[i] = bigram;
      let mask = this.lexMaskAt(buf.infos, i);
      buf.tokenLexMask[i] = mask;
      for (let t = 0; mask !== 0; t++, mask >>>= 1) if (mask & 1) hits[t]++;
    }
    for (let t = 0; t < K; t++) {
      for (let level = 0; level < LEX_LEVELS && level < hits[t]; level++)
        this.add(buf, this.lexFeature(t, level), stamp);
    }
  }

  /** Feature id of "topic t's lexicon hit more than `level` times". */
  lexFeature(t: number, level: number): number {
    return this.lexBase + t * LEX_LEVELS + level;
  }

  private add(buf: FeatureBuffer, feature: number, stamp: number): void {
    if (this.seen[feature] === stamp) return;
    this.seen[feature] = stamp;
    buf.features[buf.count++] = feature;
  }

  private nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      // After 2^32 calls the stamps wrap; reset so a stale stamp never hides a feature.
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}
