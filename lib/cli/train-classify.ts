// Trains the topic classifier on the corpus train split (+ coordinators' corrections) and writes
// lib/classify/model.json:
//   npm run train:classify [-- --corrections corrections.jsonl] [--no-db] [--out path] [--corpus path]
// Corrections come from the database (classification_corrections, written when a coordinator
// changes a message's topic) when DATABASE_URL is set, unless --no-db; and from a JSONL file of
// rows {"text": "...", "topic": "<code>"}. Database rows go first, the file after, so the file wins
// on the same text (mergeCorrections keeps the last correction of a text).
import { isMainModule } from "./main-module";
import { consoleIo, type CliIo } from "./cli-io";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CORPUS_PATH, MODEL_PATH, corpusSplit, parseJsonl } from "../classify/corpus";
import { mergeCorrections } from "../classify/corrections";
import { DEFAULT_TRAIN_OPTIONS, train } from "../classify/model";
import { writeModelFile } from "../classify/model-file";

export type { CliIo };

const USAGE = [
  "Использование / usage:",
  "  npm run train:classify -- [--corrections <file.jsonl>] [--no-db] [--out <model.json>] [--corpus <corpus.jsonl>]",
  "  С DATABASE_URL читаются и исправления координаторов из базы / with DATABASE_URL, coordinators' corrections are read from the DB",
].join("\n");

export interface TrainOptionsCli {
  io?: CliIo;
  /** Corrections from the database, oldest first (loaded by the caller: this function stays sync). */
  dbCorrections?: readonly { text: string; topic: string }[] | null;
}

/** Coordinators' topic corrections, oldest first; null without DATABASE_URL. */
export async function loadDbCorrections(): Promise<{ text: string; topic: string }[] | null> {
  const { env } = await import("../env");
  if (!env().DATABASE_URL) return null;
  const { db, disconnectDb } = await import("../db");
  try {
    const rows = await db().classificationCorrection.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { text: true, toTopic: true },
    });
    return rows.map((r) => ({ text: r.text, topic: r.toTopic }));
  } finally {
    await disconnectDb();
  }
}

/** Runs the CLI and returns its exit code (never calls process.exit, so tests can call it). */
export function runTrainCli(args: string[], opts: TrainOptionsCli = {}): number {
  const { io = consoleIo, dbCorrections = null } = opts;
  let values: { corrections?: string; out?: string; corpus?: string; help?: boolean; "no-db"?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        corrections: { type: "string" },
        out: { type: "string" },
        corpus: { type: "string" },
        "no-db": { type: "boolean" },
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
  const fromDb = values["no-db"] ? [] : (dbCorrections ?? []);
  const fromFile = values.corrections ? parseJsonl(readFileSync(values.corrections, "utf8"), values.corrections) : [];
  if (fromDb.length || fromFile.length) {
    const merged = mergeCorrections(examples, [...fromDb, ...fromFile]);
    examples = merged.examples;
    io.out(
      `Исправления / corrections: ${fromDb.length} from DB, ${fromFile.length} from file; ${merged.added} added, ` +
        `${merged.relabelled} relabelled, ${merged.skipped} skipped`,
    );
  } else if (dbCorrections && !values["no-db"]) {
    io.out("Исправления / corrections: в базе нет исправлений координаторов / none in the database yet");
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

if (isMainModule(import.meta.url)) {
  const args = process.argv.slice(2);
  const skipDb = args.includes("--no-db") || args.includes("--help") || args.includes("-h");
  (skipDb ? Promise.resolve(null) : loadDbCorrections())
    .then((dbCorrections) => {
      process.exitCode = runTrainCli(args, { dbCorrections });
    })
    .catch((error: unknown) => {
      process.stderr.write(`Ошибка / error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
