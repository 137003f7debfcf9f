// Keyword matching of routing rules. Both the rule's keywords and the message text are folded the
// same way (lower case, «ё» → «е»), because residents write «елка» and «ёлка» interchangeably.
// Safe for client components (the admin form shows the normalised list).

export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes("ё") ? lower.replace(/ё/g, "е") : lower;
}

export function normalizeKeyword(k: string): string {
  return foldText(k.trim()).replace(/\s+/g, " ");
}

/** "яма, ямы\nасфальт" → ["яма", "ямы", "асфальт"]: commas, semicolons or new lines separate. */
export function splitKeywords(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[,;\n\r]+/)
        .map(normalizeKeyword)
        .filter(Boolean),
    ),
  ];
}
