// Topic codes are part of the public contract (DESIGN.md §2); order here is the model's class order.
export const TOPICS = [
  "education",
  "healthcare",
  "social",
  "transport",
  "roads",
  "energy",
  "housing",
  "waste",
  "property",
  "construction",
  "trade",
  "sport",
  "culture",
  "guardianship",
  "other",
] as const;

export type Topic = (typeof TOPICS)[number];

const TOPIC_SET: ReadonlySet<string> = new Set(TOPICS);

export function isTopic(value: unknown): value is Topic {
  return typeof value === "string" && TOPIC_SET.has(value);
}

/** A labelled message: the unit of training data and of coordinators' corrections. */
export interface LabelledText {
  text: string;
  topic: Topic;
}
