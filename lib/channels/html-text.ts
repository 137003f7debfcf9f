/**
 * Fast path of toPlainText for the HTML residents' messages actually contain: a handful of
 * simple formatting tags and common entities. Returns null for anything else (scripts, quoted
 * attributes, comments, unknown entities…), which then goes through sanitize-html. Ingest must
 * reach 20k messages/s and sanitize-html costs ~0.2 ms per HTML message; this costs ~10 µs.
 * Equivalence with the slow path is checked in sanitize.test.ts.
 */

/** Tags whose end starts a new line (same set as the slow path's BLOCK_BREAK). */
const LINE_BREAKING_CLOSE = new Set(["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"]);
/** Tags whose content is ordinary text, so stripping the tag keeps the meaning. */
const TEXT_TAGS = new Set([
  ...LINE_BREAKING_CLOSE,
  "br",
  "b",
  "i",
  "u",
  "s",
  "em",
  "strong",
  "span",
  "small",
  "sub",
  "sup",
  "ul",
  "ol",
  "font",
]);
// A tag without quoted attributes; anything fancier is left to the real parser.
const SIMPLE_TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,9})(?:\s[^<>"'`]*)?\/?>/y;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/y;

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  laquo: "«",
  raquo: "»",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  copy: "©",
  reg: "®",
  deg: "°",
  times: "×",
  minus: "−",
  bull: "•",
  middot: "·",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  numero: "№",
  euro: "€",
  shy: "\u00ad",
  thinsp: "\u2009",
  ensp: "\u2002",
  emsp: "\u2003",
  sect: "§",
};

function decodeCodePoint(cp: number): string | null {
  // Surrogates, out-of-range and NUL are replaced by the HTML spec; leave them to the parser.
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f)) return null;
  return String.fromCodePoint(cp);
}

/** Decodes entities in text; null if one is unknown or a bare `&name` could be a legacy entity. */
export function decodeEntities(text: string): string | null {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(text);
    let decoded: string | null = null;
    if (m) {
      if (m[1] !== undefined) decoded = decodeCodePoint(Number(m[1]));
      else if (m[2] !== undefined) decoded = decodeCodePoint(parseInt(m[2], 16));
      else decoded = NAMED[m[3] ?? ""] ?? null;
      if (decoded === null) return null;
      out += text.slice(last, amp) + decoded;
      last = amp + m[0].length;
    } else if (/[a-zA-Z#]/.test(text.charAt(amp + 1))) {
      // "&copy" without ";" is still decoded by browsers; not worth replicating here.
      return null;
    }
    amp = text.indexOf("&", amp + 1);
  }
  return out + text.slice(last);
}

/** Strips simple tags (line breaks for <br> and block ends) and decodes entities, or null. */
export function simpleHtmlToText(html: string): string | null {
  let out = "";
  let last = 0;
  let lt = html.indexOf("<");
  while (lt >= 0) {
    SIMPLE_TAG.lastIndex = lt;
    const m = SIMPLE_TAG.exec(html);
    if (!m) return null;
    const closing = m[1] === "/";
    const name = (m[2] ?? "").toLowerCase();
    if (!TEXT_TAGS.has(name)) return null;
    out += html.slice(last, lt);
    if (name === "br" || (closing && LINE_BREAKING_CLOSE.has(name))) out += "\n";
    last = lt + m[0].length;
    lt = html.indexOf("<", last);
  }
  out += html.slice(last);
  // A stray ">" is harmless text; entities are decoded after tags so "&lt;b&gt;" stays text.
  return decodeEntities(out);
}
