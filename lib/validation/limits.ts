// Length limits of what people type into the desk, shared by the browser (maxLength on the field)
// and the server (the zod schemas in ./text.ts), so both refuse the same input with the same words.
// Safe for client components: no zod, no server code.
//
// Server actions accept at most 1 MB of request body (Next's default serverActions.bodySizeLimit,
// not raised in next.config.mjs). The largest field, the answer, stays far below that even in the
// worst case of 4 bytes per character (20,000 × 4 = 80 KB), so a long answer is refused in words
// instead of the whole request failing and the page being replaced by an error.

export const TEXT_LIMITS = {
  /** Login names (lowercase Latin, see lib/admin/users.ts). */
  login: 40,
  /** Passwords as typed (the sign-in schema in lib/auth/credentials.ts uses the same 200). */
  password: 200,
  /** E-mail addresses (RFC 5321 path limit). */
  email: 254,
  /** Names: a person's full name, a routing rule, a locality. */
  name: 200,
  /** Titles: a problem, a ПОС category or subcategory. */
  title: 300,
  /** A saved queue view's name. */
  viewName: 80,
  /** A saved report's name. */
  reportName: 120,
  /** Search boxes. */
  search: 200,
  /** One routing keyword, and the whole keyword list of a rule as typed. */
  keyword: 100,
  keywords: 10_000,
  /** Reasons: returning a message, asking for more time, rerouting, marking spam. */
  reason: 2000,
  /** Notes of a call to the resident, a coordinator's decision on an extension. */
  note: 2000,
  /** The coordinator's review comment. */
  comment: 4000,
  /** An answer to a resident (a message or a whole problem). */
  answer: 20_000,
  /** A row number typed by hand («№ 1234»): int4 has at most 10 digits. */
  idInput: 12,
  /** The sign-in form's login box (lib/auth/credentials.ts accepts up to 100). */
  signInLogin: 100,
  /** A quarantined channel payload corrected by hand (JSON): at most 800 KB even if every
   * character is Cyrillic (2 bytes in UTF-8), under the 1 MB body limit. */
  rawJson: 400_000,
} as const;

/** Ranges of the numbers people type (checked in zod and given to the inputs as min/max). */
export const NUMBER_LIMITS = {
  /** Deadline terms in days; the deadline library accepts 1–366 (lib/deadlines/policies.ts). */
  policyDays: { min: 1, max: 366 },
  /** «Число продлений» of a deadline policy. */
  maxExtensions: { min: 0, max: 10 },
  /** «Под угрозой» share of the term, in percent. */
  atRiskPercent: { min: 1, max: 99 },
  /** A routing rule's priority. */
  rulePriority: { min: 1, max: 100_000 },
  /** A channel's pull interval in seconds. */
  pullIntervalSec: { min: 5, max: 86_400 },
  /** Length of a call to the resident, in minutes. */
  callMinutes: { min: 0, max: 240 },
  /** Row ids (PostgreSQL int4). */
  id: { min: 1, max: 2_147_483_647 },
} as const;

const ru = new Intl.NumberFormat("ru-RU");

/** «Не больше 20 000 символов.» */
export function tooLongMessage(max: number): string {
  return `Не больше ${ru.format(max)} символов.`;
}

/** «Число продлений: целое число от 0 до 10.» */
export function intRangeMessage(min: number, max: number, label?: string): string {
  const range = `целое число от ${ru.format(min)} до ${ru.format(max)}.`;
  return label ? `${label}: ${range}` : range[0].toUpperCase() + range.slice(1);
}

/** «Доля «под угрозой», %: число от 1 до 99.» */
export function numberRangeMessage(min: number, max: number, label?: string): string {
  const range = `число от ${ru.format(min)} до ${ru.format(max)}.`;
  return label ? `${label}: ${range}` : range[0].toUpperCase() + range.slice(1);
}

export const INVALID_CHARS_MESSAGE = "Текст содержит недопустимые символы.";

// C0 controls except TAB and LF (CR is normalised to LF first), DEL, C1 controls, and lone UTF-16
// surrogates (a pasted half of an emoji): PostgreSQL refuses NUL in text (error 22021), and the
// rest only hide text from the reader.
const CONTROLS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes what must not be stored from typed text. Line breaks become "\n" (browsers submit a
 * textarea's breaks as "\r\n" but count them as one character for maxLength); a single-line value
 * gets spaces for its breaks and tabs. Does not trim.
 */
export function cleanText(s: string, multiline = true): string {
  let t = s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
  t = t.replace(CONTROLS, "");
  if (!multiline) t = t.replace(/[\n\t]/g, " ");
  return t;
}

/** True when cleanText would drop something other than line-break normalisation. */
export function hasControlChars(s: string): boolean {
  CONTROLS.lastIndex = 0;
  const found = CONTROLS.test(s);
  CONTROLS.lastIndex = 0;
  return found;
}

/** Length as the server counts it: after cleaning and trimming. */
export function textLength(s: string, multiline = true): number {
  return cleanText(s, multiline).trim().length;
}
