// Human-readable reasons of routing decisions, from the topic_reason / block_reason JSON that
// decide() and rerouteMessage() store. Safe for client components; tolerant of any JSON shape,
// since old rows and manual edits may lack fields.

export const DECISION_SOURCE_LABELS: Record<string, string> = {
  category_map: "по категории ПОС",
  model: "классификатор текста",
  lexicon: "ключевые слова",
  rule: "правило маршрутизации",
  topic_map: "по теме",
  manual: "вручную",
  none: "не определено",
};

type Json = unknown;

function obj(v: Json): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v : null;
}

export function percent(confidence: number | null | undefined): string {
  return confidence == null || !Number.isFinite(confidence) ? "—" : `${Math.round(confidence * 100)} %`;
}

/** The words the classifier relied on (empty when it decided otherwise). */
export function reasonWords(reason: Json): string[] {
  const w = obj(reason).words;
  return Array.isArray(w) ? w.filter((x): x is string => typeof x === "string").slice(0, 10) : [];
}

export function describeTopicReason(source: string, reason: Json, confidence?: number | null): string {
  const r = obj(reason);
  switch (source) {
    case "category_map": {
      const cat = str(r.category);
      const sub = str(r.subcategory);
      return cat ? `Категория ПОС «${cat}${sub ? ` / ${sub}` : ""}»` : "По категории ПОС";
    }
    case "model": {
      const words = reasonWords(reason);
      const conf = typeof r.confidence === "number" ? r.confidence : confidence;
      return `Классификатор текста, уверенность ${percent(conf)}${words.length ? `; слова: ${words.join(", ")}` : "; значимых слов не найдено"}`;
    }
    case "manual":
      return manualText(r);
    default:
      return DECISION_SOURCE_LABELS[source] ?? "Не определено";
  }
}

export function describeBlockReason(source: string, reason: Json): string {
  const r = obj(reason);
  switch (source) {
    case "rule": {
      const name = str(r.rule) ?? `№ ${String(r.ruleId ?? "?")}`;
      const kw = Array.isArray(r.keywords) ? r.keywords.filter((k): k is string => typeof k === "string") : [];
      return `Правило «${name}»${kw.length ? ` (слова: ${kw.join(", ")})` : ""}`;
    }
    case "topic_map":
      return "Блок, за которым закреплена тема";
    case "manual":
      return manualText(r);
    case "none":
      return str(r.reason) ? `Не направлено: ${r.reason}` : "Не направлено";
    default:
      return DECISION_SOURCE_LABELS[source] ?? "Не определено";
  }
}

function manualText(r: Record<string, unknown>): string {
  const by = str(r.by);
  const why = str(r.reason);
  return `Вручную${by ? ` (${by})` : ""}${why ? `: ${why}` : ""}`;
}
