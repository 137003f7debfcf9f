import { readFileSync, writeFileSync } from "node:fs";
import type { SerializedModel, TopicModel } from "./model";
import { loadModel } from "./model";

/** Node-only reading/writing of model.json for the CLIs (the app imports the JSON statically). */

/**
 * One top-level key per line: the file stays compact (weights on one line) while a retrain shows
 * up in review as a readable diff of the header fields.
 */
export function stringifyModel(model: SerializedModel): string {
  const lines = Object.entries(model).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

export function writeModelFile(file: string, model: TopicModel): number {
  const text = stringifyModel(model.serialize());
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

export function readModelFile(file: string): TopicModel {
  return loadModel(JSON.parse(readFileSync(file, "utf8")) as unknown);
}
