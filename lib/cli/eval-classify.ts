// Evaluates the topic classifier on the corpus test split:
//   npm run eval:classify [-- --model path] [--retrain] [--errors] [--cv]
// Prints accuracy, per-topic precision/recall/F1 and the confusion matrix as aligned tables.
//   --retrain  train a fresh model on the train split instead of loading model.json
//   --errors   list the misclassified test messages
//   --cv       also report 5-fold cross-validated accuracy on the train split (how defaults were picked)
// The last line is `RESULT classify_accuracy=<0..1>` for scripts.
import { isMainModule } from "./main-module";
import { consoleIo, type CliIo } from "./cli-io";
import { parseArgs } from "node:util";
import { MODEL_PATH, corpusSplit } from "../classify/corpus";
import { confusionTable, evaluate, expectedCalibrationError, perTopicTable } from "../classify/metrics";
import { crossValidatedScores, train, type TopicModel } from "../classify/model";
import { readModelFile } from "../classify/model-file";
import { TOPICS } from "../classify/topics";

export type { CliIo };

const USAGE = "Использование / usage:\n  npm run eval:classify -- [--model <model.json>] [--retrain] [--errors] [--cv]";

function cvAccuracy(): number {
  const trainSet = corpusSplit("train");
  const scores = crossValidatedScores(trainSet);
  let correct = 0;
  scores.forEach((row, i) => {
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
    if (TOPICS[best] === trainSet[i].topic) correct++;
  });
  return correct / trainSet.length;
}

/** Runs the CLI and returns its exit code (never calls process.exit, so tests can call it). */
export function runEvalCli(args: string[], io: CliIo = consoleIo): number {
  let values: { model?: string; retrain?: boolean; errors?: boolean; cv?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        model: { type: "string" },
        retrain: { type: "boolean" },
        errors: { type: "boolean" },
        cv: { type: "boolean" },
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

  const model: TopicModel = values.retrain ? train(corpusSplit("train")) : readModelFile(values.model ?? MODEL_PATH);
  const test = corpusSplit("test");
  const predictions = test.map((e) => ({ example: e, prediction: model.predict(e.text) }));
  const ev = evaluate(
    predictions.map(({ example, prediction }) => ({ expected: example.topic, predicted: prediction.topic })),
  );
  const ece = expectedCalibrationError(
    predictions.map(({ example, prediction }) => ({
      confidence: prediction.confidence,
      correct: example.topic === prediction.topic,
    })),
  );

  io.out(
    `Модель / model: ${values.retrain ? "retrained on the train split" : (values.model ?? MODEL_PATH)} (${model.kind}, trained on ${model.trainedOn})`,
  );
  io.out(`Тестовая выборка / test split: ${ev.total} messages`);
  io.out(
    `Точность / accuracy: ${ev.accuracy.toFixed(4)} (${ev.correct}/${ev.total}), macro-F1: ${ev.macroF1.toFixed(4)}, calibration error (ECE): ${ece.toFixed(3)}`,
  );
  if (values.cv) io.out(`5-fold CV accuracy on the train split: ${cvAccuracy().toFixed(4)}`);
  io.out("");
  io.out(perTopicTable(ev));
  io.out("");
  io.out("Матрица ошибок / confusion matrix (rows: true topic, columns: predicted):");
  io.out(confusionTable(ev));
  if (values.errors) {
    io.out("");
    io.out("Ошибки / misclassified:");
    for (const { example, prediction } of predictions) {
      if (example.topic === prediction.topic) continue;
      const text = example.text.replace(/\s+/g, " ").slice(0, 120);
      io.out(
        `  ${example.id}: ${example.topic} → ${prediction.topic} (${prediction.confidence.toFixed(2)}; ${prediction.words.join(", ")}) ${text}`,
      );
    }
  }
  io.out(`RESULT classify_accuracy=${ev.accuracy.toFixed(4)}`);
  return 0;
}

if (isMainModule(import.meta.url)) {
  try {
    process.exitCode = runEvalCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`Ошибка / error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
