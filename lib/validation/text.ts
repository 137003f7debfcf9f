// zod building blocks for everything a person types into the desk: free text is cleaned of
// control characters, trimmed and limited; numbers must fall into a range. The same limits go to
// the browser as maxLength/min/max (./limits.ts), so a refused value is explained in Russian and
// never reaches the database as something it rejects (NUL → error 22021, > 2^31 → int4 overflow).
import { z } from "zod";
import {
  INVALID_CHARS_MESSAGE,
  cleanText,
  hasControlChars,
  intRangeMessage,
  numberRangeMessage,
  tooLongMessage,
} from "./limits";

export {
  TEXT_LIMITS,
  NUMBER_LIMITS,
  INVALID_CHARS_MESSAGE,
  cleanText,
  hasControlChars,
  textLength,
  tooLongMessage,
  intRangeMessage,
  numberRangeMessage,
} from "./limits";

export type TextOptions = {
  max: number;
  /** Minimum length after trimming (default 0: an empty string passes; use .optional() for absent). */
  min?: number;
  /** Keeps line breaks and tabs (a textarea); otherwise they become spaces. */
  multiline?: boolean;
  /** "strip" (default) silently drops control characters; "refuse" rejects the text. */
  controls?: "strip" | "refuse";
  /** Message when the value is too short or missing. */
  minMessage?: string;
  /** Message when the value is too long (default «Не больше N символов.»). */
  maxMessage?: string;
  /** Message when the value is not a string at all (default: minMessage, or «Заполните поле.»). */
  requiredMessage?: string;
};

/** A typed text: cleaned (see cleanText), trimmed, within [min, max] characters. */
export function text(opts: TextOptions) {
  const { max, min = 0, multiline = false, controls = "strip" } = opts;
  const maxMessage = opts.maxMessage ?? tooLongMessage(max);
  const minMessage = opts.minMessage ?? (min > 0 ? `Не короче ${min} символов.` : undefined);
  const requiredMessage = opts.requiredMessage ?? minMessage ?? "Заполните поле.";
  return z
    .string({ error: requiredMessage })
    .transform((s, ctx) => {
      if (controls === "refuse" && hasControlChars(s)) {
        ctx.addIssue({ code: "custom", message: INVALID_CHARS_MESSAGE });
        return z.NEVER;
      }
      return cleanText(s, multiline).trim();
    })
    .pipe(z.string().min(min, minMessage).max(max, maxMessage));
}

// Only numbers and digit strings count: z.coerce would turn null, "" and true into 0 or 1.
const toNumberInput = (v: unknown) => {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const t = v.trim().replace(",", ".");
  return t === "" ? undefined : t;
};

/** A whole number in [min, max]; a form's string is accepted ("12"), an empty one is missing.
 * Every failure (missing, not a number, fraction, out of range) says the same: the range. */
export function intInRange(min: number, max: number, label?: string) {
  const message = intRangeMessage(min, max, label);
  return z.preprocess(
    toNumberInput,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

/** A number (fractions allowed, "," or ".") in [min, max]. */
export function numberInRange(min: number, max: number, label?: string) {
  const message = numberRangeMessage(min, max, label);
  return z.preprocess(toNumberInput, z.coerce.number({ error: message }).min(min, message).max(max, message));
}
