import modelJson from "./model.json";
import { loadModel, type Prediction, type TopicModel } from "./model";

export type { Prediction } from "./model";
export type { Topic } from "./topics";

/**
 * The app's entry point to topic classification. The model JSON is imported statically so Next.js
 * bundles it and tsx/vitest resolve it without file-system paths; it is parsed into weights lazily,
 * on the first message, so importing this module costs nothing for pages that never classify.
 */

let model: TopicModel | null = null;

export function getTopicModel(): TopicModel {
  model ??= loadModel(modelJson);
  return model;
}

/**
 * Topic of a resident message's Russian text, with a calibrated confidence (0..1) and the words
 * that decided it. Never throws on odd input: empty, HTML-only or emoji-only text gives
 * `{ topic: "other", confidence: 0, words: [] }`, and very long text is classified by its head.
 */
export function classifyText(text: string): Prediction {
  return getTopicModel().predict(typeof text === "string" ? text : "");
}
