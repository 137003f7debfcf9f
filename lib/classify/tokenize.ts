import { newStemmer } from "snowball-stemmers";

/**
 * Text normalisation, tokenisation and stemming for Russian resident messages.
 *
 * Messages arrive from social networks and Госуслуги with HTML, entities, emoji, URLs, all-caps and
 * stretched letters ("ужаааас"); everything here maps such noise onto one canonical form so the
 * statistical model sees the same stems whatever the channel.
 */

/**
 * Only the head of a message is classified: the topic of a resident message is set in its first
 * paragraphs, and capping keeps a 1 MB paste from costing more than a normal message.
 */
export const MAX_CLASSIFIED_CHARS = 20_000;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  laquo: " ",
  raquo: " ",
  mdash: " ",
  ndash: " ",
  hellip: " ",
  shy: "",
};

function decodeEntity(_entity: string, body: string): string {
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    // Invalid or control code points become a separator rather than throwing in fromCodePoint.
    return Number.isFinite(code) && code > 31 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? " ";
}

// The patterns below stay linear on hostile input (thousands of unclosed "<a", "<script" or "@"):
// an unclosed script/style swallows the rest of the text, a tag cannot span another "<", and an
// e-mail's parts are length-bounded so a failed match never rescans the whole text.
const SCRIPT_STYLE_RE = /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG_RE = /<\/?[a-z!][^<>]*>/gi;
const ENTITY_RE = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});?/gi;
const URL_RE = /(?:https?:\/\/|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,255}/gi;
// Russian never has a letter three times in a row, so "оооочень" is emphasis, not spelling.
const STRETCHED_RE = /([a-zа-я])\1{2,}/g;

function stripMarkup(text: string): string {
  let s = text;
  if (s.includes("<")) s = s.replace(SCRIPT_STYLE_RE, " ").replace(TAG_RE, " ");
  if (s.includes("&")) {
    s = s.replace(ENTITY_RE, decodeEntity);
    // Double-escaped HTML ("&lt;p&gt;") only becomes markup after decoding.
    if (s.includes("<")) s = s.replace(TAG_RE, " ");
  }
  return s;
}

// Latin letters that residents (or OCR/autocorrect) put into Cyrillic words: "дорогa", "KOНТЕЙНЕР".
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};
const LATIN_CHAR_RE = /[a-z]/g;

// Character classes of the scanner, as bit flags accumulated per token.
const DIGIT = 1;
const LATIN = 2;
const CYRILLIC = 4;
const YO = 8;
const STRETCHED = 16;

function charClass(c: number): number {
  if (c >= 0x430 && c <= 0x44f) return CYRILLIC; // а..я
  if (c >= 97 && c <= 122) return LATIN;
  if (c >= 48 && c <= 57) return DIGIT;
  if (c === 0x451) return YO; // ё
  return 0;
}

/** Longer letter runs are not words (glued text, base64, keyboard mashing) and would only bloat caches. */
const MAX_WORD_LENGTH = 40;

function pushToken(s: string, start: number, end: number, flags: number, out: string[]): void {
  if (end - start < 2 || flags === DIGIT) return; // one letter, or a number (house, phone, date)
  if (end - start > MAX_WORD_LENGTH) return;
  let word = s.slice(start, end);
  if (flags & YO) word = word.replaceAll("ё", "е");
  if (flags & LATIN && flags & (CYRILLIC | YO)) word = word.replace(LATIN_CHAR_RE, (ch) => LATIN_LOOKALIKES[ch] ?? ch);
  if (flags & STRETCHED) {
    word = word.replace(STRETCHED_RE, "$1");
    if (word.length < 2) return;
  }
  out.push(word);
}

/**
 * Words of a message in order: markup and URLs removed, lowercase, ё→е, Latin look-alikes inside
 * Cyrillic words fixed, stretched letters collapsed; numbers and one-letter tokens dropped.
 *
 * A single character scan instead of a chain of regex replaces: this runs for every ingested
 * message, and the scan allocates only the word strings themselves.
 */
export function tokenize(text: string): string[] {
  if (!text) return [];
  let s = text.length > MAX_CLASSIFIED_CHARS ? text.slice(0, MAX_CLASSIFIED_CHARS) : text;
  s = stripMarkup(s);
  if (s.includes("/") || s.includes("@") || s.includes("www")) s = s.replace(URL_RE, " ");
  s = s.toLowerCase();
  const out: string[] = [];
  let start = -1;
  let flags = 0;
  let prev = -1;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const cls = charClass(c);
    if (cls === 0) {
      if (start >= 0) pushToken(s, start, i, flags, out);
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      flags = 0;
      run = 0;
    }
    run = c === prev ? run + 1 : 1;
    prev = c;
    flags |= cls | (run === 3 && cls !== DIGIT ? STRETCHED : 0);
  }
  if (start >= 0) pushToken(s, start, s.length, flags, out);
  return out;
}

/**
 * Canonical form of a message: its words (see tokenize) joined by single spaces. Used to
 * de-duplicate training texts regardless of HTML, case and punctuation.
 */
export function normalizeText(text: string): string {
  return tokenize(text).join(" ");
}

/**
 * Function words that carry no topic. Negations and "нет" are here too: they occur in complaints of
 * every topic ("нет света", "нет врача"), so the noun after them is what matters.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее " +
    "мне было вот от меня еще нет о об из ему теперь когда даже ну вдруг ли если уже или ни быть был " +
    "него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней " +
    "для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того " +
    "потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем " +
    "всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего " +
    "них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя " +
    "такой им более всегда конечно всю между это эта эти весь вся наш наша наше наши ваш ваша ваше " +
    "ваши свой своя свое свои который которая которое которые котором которых также уже очень просто " +
    "вообще пожалуйста здравствуйте добрый доброго уважаемые уважаемая уважаемый " +
    "прошу просим подскажите скажите почему сколько де ли бы ка то-то те ещё"
  )
    .split(" ")
    .map((w) => w.replaceAll("ё", "е")),
);

const stemmer = newStemmer("russian");
const HAS_CYRILLIC_RE = /[а-я]/;
// Stemming is the costliest step (~300k words/s); resident vocabulary is small and repetitive,
// so a bounded memo makes it near-free.
const STEM_CACHE_LIMIT = 100_000;
const stemCache = new Map<string, string>();

/** Snowball Russian stem of a normalised word (memoised). */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = HAS_CYRILLIC_RE.test(word) ? stemmer.stem(word) : word;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * Kholmsk district place names. They appear in complaints of every topic, so with a corpus this size
 * their weights would only be noise ("Яблочное" is not a topic). Matched as prefixes of word forms.
 */
const PLACE_NAME_RE =
  /^(холмск|южно|сахалинск|яблочн|костромск|симаков|красноярск|николайчук|ильинск|лермонтов|невельск|капитанск|матросов|первомайск|горн(ая|ой|ую)$|лесн(ая|ой|ую)$)/;
/**
 * Street markers: the next word is a street name ("ул. Школьная", "улица Мира") and must not count
 * as a topic word ("школьная" would otherwise vote for education).
 */
const STREET_MARKERS: ReadonlySet<string> = new Set([
  "ул",
  "улица",
  "улице",
  "улицы",
  "улицу",
  "пер",
  "переулок",
  "переулке",
  "пр",
  "проспект",
  "проспекте",
  "мкр",
  "микрорайон",
]);

/** Role of a word for the model: counted, ignored, or ignored together with the next word. */
export type WordKind = "content" | "ignored" | "street-marker";

export function wordKind(word: string): WordKind {
  if (STREET_MARKERS.has(word)) return "street-marker";
  return STOP_WORDS.has(word) || PLACE_NAME_RE.test(word) ? "ignored" : "content";
}

/**
 * Words that carry meaning, in order: tokenize() minus stop-words, place names and street names.
 * FeatureSpace.extract applies the same rule with wordKind memoised per word.
 */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  let afterStreetMarker = false;
  for (const word of tokenize(text)) {
    const kind = wordKind(word);
    const skip = afterStreetMarker;
    afterStreetMarker = kind === "street-marker";
    if (!skip && kind === "content") out.push(word);
  }
  return out;
}

/** Stems of the content words, in order. */
export function stems(text: string): string[] {
  return contentWords(text).map(stemWord);
}

/** Separator of the two stems in a bigram key; a space never occurs inside a stem. */
export const BIGRAM_SEPARATOR = " ";

/** Bigrams of adjacent stems ("управля компан"): they catch phrases whose words alone mislead. */
export function stemBigrams(stemList: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < stemList.length; i++) out.push(stemList[i - 1] + BIGRAM_SEPARATOR + stemList[i]);
  return out;
}
