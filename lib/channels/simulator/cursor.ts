/**
 * Opaque cursors of the simulators: base64url of "<kind>:<offset>". Clients must not parse
 * them (the contracts say opaque); encoding the offset keeps pages deterministic and stateless.
 */
export type CursorKind = "m" | "r";

export function encodeCursor(kind: CursorKind, offset: number): string {
  return Buffer.from(`${kind}:${offset}`, "utf8").toString("base64url");
}

/** The offset, or null when the cursor is not one of ours. */
export function decodeCursor(kind: CursorKind, cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return null;
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^([mr]):(\d{1,12})$/.exec(decoded);
  if (!match || match[1] !== kind) return null;
  return Number(match[2]);
}
