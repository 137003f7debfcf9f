/**
 * HTML from channels is never trusted (docs/ARCHITECTURE.md «Channels»): the desk stores the raw text for audit,
 * searches and classifies a plain-text version, and renders at most a tiny safe subset.
 */
import sanitizeHtml from "sanitize-html";
import { simpleHtmlToText } from "./html-text";

export const MAX_CLEAN_TEXT_LENGTH = 20_000;

/** Tags that end a line of text; turned into newlines before the tags are stripped. */
const BLOCK_BREAK = /<\s*br\s*\/?\s*>|<\s*\/\s*(?:p|div|li|h[1-6]|tr|blockquote)\s*>/gi;
const TEXT_ONLY: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  // Content of these is code or UI, not the resident's words.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object"],
};
// Control characters other than \n and \t carry no meaning and break some consumers.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u2028\u2029\ufeff]/g;
const HAS_CONTROL_CHAR = new RegExp(CONTROL_CHARS.source);
const WIDE_SPACE = "\\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000";
/** A run of horizontal space that is not already a single plain space (those are left alone). */
const HORIZONTAL_RUN = new RegExp(`[${WIDE_SPACE}][ ${WIDE_SPACE}]*| [ ${WIDE_SPACE}]+`, "g");

/** sanitize-html re-escapes these four in its text output; we want plain characters. */
function unescapeBasic(s: string): string {
  return s.replace(/&(lt|gt|quot|amp);/g, (_, name: string) =>
    name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : "&",
  );
}

/**
 * Trims lines, drops empty ones and collapses runs of horizontal space. Written as a few
 * whole-string regex passes (no split/join) because it runs on every ingested message.
 */
function collapseWhitespace(input: string): string {
  let s = input;
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  if (HAS_CONTROL_CHAR.test(s)) s = s.replace(CONTROL_CHARS, "");
  s = s.replace(HORIZONTAL_RUN, " ");
  if (s.includes("\n")) s = s.replace(/ ?\n[ \n]*/g, "\n");
  return s.trim();
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair (emoji). */
function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return s.slice(0, end);
}

/**
 * Plain text of a channel message: no tags, entities decoded, <br>/<p> become newlines,
 * runs of spaces collapse, empty lines drop, at most `maxLength` characters.
 */
export function toPlainText(html: string, maxLength = MAX_CLEAN_TEXT_LENGTH): string {
  // Fast path: most messages are plain text, and ingest must stay at ≥ 20k messages/s.
  if (!html.includes("<") && !html.includes("&")) return cap(collapseWhitespace(html), maxLength);
  const simple = simpleHtmlToText(html);
  if (simple !== null) return cap(collapseWhitespace(simple), maxLength);
  return toPlainTextStrict(html, maxLength);
}

/** The sanitize-html path, for any HTML at all. Exported so tests can compare the fast path. */
export function toPlainTextStrict(html: string, maxLength = MAX_CLEAN_TEXT_LENGTH): string {
  const stripped = sanitizeHtml(
    html.replace(BLOCK_BREAK, (m) => `${m}\n`),
    TEXT_ONLY,
  );
  return cap(collapseWhitespace(unescapeBasic(stripped)), maxLength);
}

const DISPLAY: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "b", "i", "a"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  nonTextTags: TEXT_ONLY.nonTextTags,
  transformTags: {
    strong: "b",
    em: "i",
    div: "p",
    // Links open without giving the target page a handle on the desk window.
    // Only absolute http(s) links keep their href; others become a harmless bare <a>.
    // (Renaming the tag here would confuse sanitize-html's closing-tag bookkeeping.)
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim();
      return href && /^https?:\/\//i.test(href)
        ? { tagName, attribs: { href, rel: "noopener noreferrer nofollow" } }
        : { tagName, attribs: {} };
    },
  },
};

/** HTML safe to render: only p, br, b, i and http(s) links with rel=noopener. */
export function sanitizeForDisplay(html: string): string {
  return sanitizeHtml(html, DISPLAY);
}
