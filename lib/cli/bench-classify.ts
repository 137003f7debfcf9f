// Throughput benchmark of classify + route — decide(), exactly what ingestion runs per message — on
// one core:
//   npm run bench:classify [-- --n 200000] [--seed 42]
// Messages are generated before timing from corpus sentences, recombined with greetings, house
// numbers, emoji, HTML and case changes, so the stream is varied but realistic in length. They come
// from all four channels, a share of them with a ПОС category, and the routing context is the
// default one plus a handful of keyword/channel/locality rules, as a configured desk has.
// The last line is `RESULT classify_msgs_per_s=<n>`.
import { isMainModule } from "./main-module";
import { consoleIo, type CliIo } from "./cli-io";
import { parseArgs } from "node:util";
import { getTopicModel } from "../classify/classifier";
import { loadCorpus } from "../classify/corpus";
import { TOPICS } from "../classify/topics";
import { POS_CATEGORIES } from "../demo/pos-categories";
import { decide, type RoutableMessage } from "../routing/decide";
import { defaultRoutingContext, type CodedRoutingContext } from "../routing/default-context";

export type { CliIo };

const USAGE =
  "Использование / usage:\n  npm run bench:classify -- [--n <messages>] [--seed <int>]\n  Measures decide() (classify + route) on one core.";

/** mulberry32: tiny deterministic PRNG, so runs are comparable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = ["", "", "", "Здравствуйте! ", "Добрый день. ", "Уважаемая администрация, ", "<p>", "ВНИМАНИЕ!!! "];
const CLOSERS = ["", "", "", " Спасибо.", " 😡", " Примите меры!", "</p>", " Жду ответа&nbsp;в срок", " 🙏🙏"];

/** Generate `n` messages from corpus fragments (sentences), deterministically from `seed`. */
export function generateMessages(n: number, seed: number): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const fragments = loadCorpus()
    .flatMap((e) => e.text.replace(/<[^>]*>/g, " ").split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 8);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    let body = pick(fragments);
    if (rand() < 0.35) body += " " + pick(fragments);
    if (rand() < 0.3) body += `, дом ${1 + Math.floor(rand() * 120)}`;
    if (rand() < 0.1) body = body.toUpperCase();
    out[i] = pick(OPENERS) + body + pick(CLOSERS);
  }
  return out;
}

const CHANNELS = ["pos", "incident", "smls", "sakhalin"] as const;
const LOCALITIES = [null, null, "Холмск", "Холмск", "Правда", "Чехов", "Яблочное"];

/** A configured desk: a few rules on top of the default topic map (they never match most texts,
 * which is the expensive case — every rule is checked). */
export function benchRoutingContext(): CodedRoutingContext {
  const base = defaultRoutingContext();
  const block = (code: string) => base.blockIdByCode.get(code)!;
  const topic = (code: string) => base.topicIdByCode.get(code)!;
  return defaultRoutingContext({
    rules: [
      {
        id: 1,
        name: "Ливнёвки — СЕЗ",
        priority: 10,
        keywords: ["ливнёвк", "ливневк", "водосток"],
        channel: null,
        locality: null,
        topicId: null,
        blockId: block("sez"),
      },
      {
        id: 2,
        name: "Сёла: дороги — СЕЗ",
        priority: 20,
        keywords: [],
        channel: null,
        locality: "Правда",
        topicId: topic("roads"),
        blockId: block("sez"),
      },
      {
        id: 3,
        name: "Бродячие собаки",
        priority: 30,
        keywords: ["собак", "бродячи"],
        channel: null,
        locality: null,
        topicId: null,
        blockId: block("zhkh"),
      },
      {
        id: 4,
        name: "Инциденты: торговля",
        priority: 40,
        keywords: [],
        channel: "incident",
        locality: null,
        topicId: topic("trade"),
        blockId: block("economy"),
      },
      {
        id: 5,
        name: "Снег во дворах",
        priority: 50,
        keywords: ["сугроб", "не чистят снег", "наледь"],
        channel: "smls",
        locality: null,
        topicId: null,
        blockId: block("zhkh"),
      },
    ],
  });
}

/** The generated texts as ingestion hands them to decide(): channel, locality, ПОС category. */
export function generateRoutable(n: number, seed: number): RoutableMessage[] {
  const texts = generateMessages(n, seed);
  const rand = prng(seed ^ 0x5f3759df);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  return texts.map((text) => {
    const channel = pick(CHANNELS);
    // Residents choose a category in most ПОС messages; an unknown one falls back to the model.
    const cat = channel === "pos" && rand() < 0.7 ? pick(POS_CATEGORIES) : null;
    const sub = cat && rand() < 0.8 ? pick(cat.subcategories).name : null;
    return {
      channel,
      textClean: text,
      title: rand() < 0.2 ? "Обращение" : null,
      locality: pick(LOCALITIES),
      sourceCategory: cat ? (rand() < 0.05 ? `${cat.name} (старое название)` : cat.name) : null,
      sourceSubcategory: sub,
    };
  });
}

/** Runs the CLI and returns its exit code (never calls process.exit, so tests can call it). */
export function runBenchCli(args: string[], io: CliIo = consoleIo): number {
  let values: { n?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { n: { type: "string" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } },
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
  const n = values.n === undefined ? 200_000 : Number(values.n);
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(seed)) {
    io.err("Ошибка: --n и --seed должны быть целыми, --n > 0 / error: --n and --seed must be integers, --n > 0");
    return 2;
  }

  const loadStart = performance.now();
  getTopicModel();
  const loadMs = performance.now() - loadStart;
  const { ctx, blockCodeById } = benchRoutingContext();
  const messages = generateRoutable(n, seed);
  const avgChars = messages.reduce((a, m) => a + m.textClean.length, 0) / n;

  // Warm-up: lets the JIT optimise the hot path and fills the word cache, as in a long-running worker.
  for (let i = 0; i < Math.min(n, 5_000); i++) decide(messages[i], ctx);

  const topics = new Map<number | null, number>();
  const blocks = new Map<number | null, number>();
  const sources = new Map<string, number>();
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const d = decide(messages[i], ctx);
    topics.set(d.topicId, (topics.get(d.topicId) ?? 0) + 1);
    blocks.set(d.blockId, (blocks.get(d.blockId) ?? 0) + 1);
    sources.set(d.blockSource, (sources.get(d.blockSource) ?? 0) + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  const perSecond = Math.round(n / seconds);

  const topicCount = (code: string) => topics.get(ctx.topicsByCode.get(code)?.id ?? -1) ?? 0;
  io.out(`Модель загружена / model loaded in ${loadMs.toFixed(0)} ms; правил / rules: ${ctx.rules.length}`);
  io.out(`Сообщений / messages: ${n}, avg ${avgChars.toFixed(0)} chars, seed ${seed}`);
  io.out(`Время / time: ${seconds.toFixed(2)} s, ${((seconds / n) * 1e6).toFixed(1)} µs/message (classify + route)`);
  io.out(`Темы / topics: ${TOPICS.map((t) => `${t}=${topicCount(t)}`).join(" ")}`);
  io.out(
    `Блоки / blocks: ${[...blocks].map(([id, c]) => `${id === null ? "review" : blockCodeById.get(id)}=${c}`).join(" ")}`,
  );
  io.out(`Основание / block source: ${[...sources].map(([s, c]) => `${s}=${c}`).join(" ")}`);
  io.out(`RESULT classify_msgs_per_s=${perSecond}`);
  return 0;
}

if (isMainModule(import.meta.url)) {
  try {
    process.exitCode = runBenchCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`Ошибка / error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
