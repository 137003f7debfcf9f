/** Field schemas shared by the channel item schemas: strict about types, dates and ids. */
import { z } from "zod";

/** Raw text is kept whole for audit, but anything beyond this is not a resident message. */
export const MAX_RAW_TEXT_LENGTH = 100_000;

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** ISO 8601 with a time zone (Z or ±hh:mm); calendar-checked; parsed to a Date. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => {
    const y = d.getUTCFullYear();
    return y >= MIN_YEAR && y <= MAX_YEAR;
  }, `date must be between ${MIN_YEAR} and ${MAX_YEAR}`);

/** Decimal digits only, as the source systems number their records. */
export const numericId = z.string().regex(/^[0-9]{1,20}$/, "id must be 1–20 decimal digits");

export const httpUrl = z
  .string()
  .max(2048)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), "must be an absolute http(s) URL");

export const messageText = z.string().max(MAX_RAW_TEXT_LENGTH);
export const nonBlankText = messageText.refine((s) => s.trim().length > 0, "text must not be empty");

export const latitude = z.number().finite().min(-90).max(90);
export const longitude = z.number().finite().min(-180).max(180);

/** Optional free-text field: absent, null or blank all mean "not given". */
export const optionalString = (max = 1000) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((s) => (s && s.trim() ? s.trim() : null));

/** Compact one-line description of zod issues for quarantine records. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.length ? i.path.join(".") : "(item)"}: ${i.message}`)
    .join("; ");
}
