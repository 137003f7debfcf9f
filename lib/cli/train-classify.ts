// Trains the topic classifier on the corpus train split (+ optional coordinators' corrections) and
// writes lib/classify/model.json:
//   npm run train:classify [-- --corrections corrections.jsonl] [--out path] [--corpus path]
// Corrections are JSONL rows {"text": "...", "topic": "<code>"}; a later change reads them from the DB.
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CORPUS_PATH, MODEL_PATH, corpusSplit, parseJsonl } from "../classify/corpus";
import { mergeCorrections } from "../classify/corrections";
import { DEFAULT_TRAIN_OPTIONS, train } from "../classify/model";
import { writeModelFile } from "../classify/model-file";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const USAGE = [
  "Использование / usage:",
  "  npm run train:classify -- [--corrections <file.jsonl>] [--out <model.json>] [--corpus <corpus.jsonl>]",
].join("\n");

/** Runs the CLI and returns its exit code (never calls process.exit, so tests can call it). */
export function runTrainCli(args: string[], io: CliIo = consoleIo): number {
  let values: { corrections?: string; out?: string; corpus?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        corrections: { type: "string" },
        out: { type: "string" },
        corpus: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`Ошибка: неверные аргументы / error: bad arguments: ${(error as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }

  const started = performance.now();
  const base = corpusSplit("train", values.corpus ?? CORPUS_PATH);
  let examples = base.map(({ text, topic }) => ({ text, topic }));
  if (values.corrections) {
    const rows = parseJsonl(readFileSync(values.corrections, "utf8"), values.corrections);
    const merged = mergeCorrections(examples, rows);
    examples = merged.examples;
    io.out(
      `Исправления / corrections: ${rows.length} rows, ${merged.added} added, ` +
        `${merged.relabelled} relabelled, ${merged.skipped} skipped`,
    );
  }

  const model = train(examples, DEFAULT_TRAIN_OPTIONS);
  const out = values.out ?? MODEL_PATH;
  const bytes = writeModelFile(out, model);
  const seconds = (performance.now() - started) / 1000;
  io.out(`Обучено на / trained on: ${examples.length} examples (${DEFAULT_TRAIN_OPTIONS.kind})`);
  io.out(`Температура / confidence temperature: ${model.temperature.toFixed(3)}`);
  io.out(`Модель / model: ${out} (${(bytes / 1024).toFixed(0)} KiB) in ${seconds.toFixed(1)} s`);
  return 0;
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  try {
    process.exitCode = runTrainCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`Ошибка / error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
