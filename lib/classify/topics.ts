// Topic codes are part of the public contract (docs/ARCHITECTURE.md «Topics and blocks»), defined once in lib/channels/types.ts; their order is the model's class order.
import { TOPICS, type Topic } from "@/lib/channels/types";

export { TOPICS, type Topic };

const TOPIC_SET: ReadonlySet<string> = new Set(TOPICS);

export function isTopic(value: unknown): value is Topic {
  return typeof value === "string" && TOPIC_SET.has(value);
}

/** A labelled message: the unit of training data and of coordinators' corrections. */
export interface LabelledText {
  text: string;
  topic: Topic;
}
