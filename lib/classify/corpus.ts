import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isTopic, type LabelledText } from "./topics";

/** Node-only helpers for the labelled corpus (CLIs and tests; never imported by the app). */

export interface CorpusExample extends LabelledText {
  id: string;
  split: "train" | "test";
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_PATH = path.join(HERE, "corpus", "corpus.jsonl");
export const MODEL_PATH = path.join(HERE, "model.json");

/** Parse JSONL, one object per non-empty line; errors name the line so a bad edit is easy to find. */
export function parseJsonl(content: string, source: string): unknown[] {
  const out: unknown[] = [];
  content.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw new Error(`${source}:${i + 1}: invalid JSON (${(e as Error).message})`);
    }
  });
  return out;
}

export function loadCorpus(file = CORPUS_PATH): CorpusExample[] {
  return parseJsonl(readFileSync(file, "utf8"), file).map((row, i) => {
    const r = row as Partial<CorpusExample>;
    if (
      typeof r.id !== "string" ||
      typeof r.text !== "string" ||
      !isTopic(r.topic) ||
      (r.split !== "train" && r.split !== "test")
    ) {
      throw new Error(`${file}: row ${i + 1} is not {id, text, topic, split}`);
    }
    return { id: r.id, text: r.text, topic: r.topic, split: r.split };
  });
}

export function corpusSplit(split: "train" | "test", file = CORPUS_PATH): CorpusExample[] {
  return loadCorpus(file).filter((e) => e.split === split);
}
