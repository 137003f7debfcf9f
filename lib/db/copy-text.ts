// PostgreSQL COPY text format: one line per row, tab-separated, \N for NULL, backslash escapes.

const SPECIAL = /[\\\t\n\r]/;

/** A text value for COPY (… FROM STDIN), or \N for null. Most values need no escaping, so the
 * four replacements run only when one of the special characters is present. */
export function copyText(s: string | null | undefined): string {
  if (s == null) return "\\N";
  if (!SPECIAL.test(s)) return s;
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export const copyNumber = (x: number | null | undefined): string =>
  x == null || !Number.isFinite(x) ? "\\N" : String(x);
export const copyTime = (x: Date | null | undefined): string => (x == null ? "\\N" : x.toISOString());
export const copyDate = (x: Date | null | undefined): string => (x == null ? "\\N" : x.toISOString().slice(0, 10));
export const copyBool = (x: boolean | null | undefined): string => (x == null ? "\\N" : x ? "t" : "f");
export const copyJson = (x: unknown): string => (x == null ? "\\N" : copyText(JSON.stringify(x)));
