export type RawSearchParams = Record<string, string | string[] | undefined>;

/** First value of each parameter; repeated parameters are not used by our screens. */
export function flatParams(sp: RawSearchParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(sp)) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}
