// Classifies and routes messages from the command line with exactly the code ingestion uses
// (sanitising to plain text, then decide() with the routing context):
//   npm run --silent classify < in.jsonl > out.jsonl
// Input: one JSON object per line {"id", "text", "channel"?, "category"?, "subcategory"?, "title"?, "locality"?}.
// Output: one line per non-blank input line, in order: {"id","topic","block","confidence"} (block =
// block code, null when the message would wait for a coordinator), or {"id","error"} for a line
// that cannot be classified ({"id":null,…} when not even the id can be read). Never crashes on input.
// With DATABASE_URL the current rules, topic map and category map are read from the database;
// without it the defaults a fresh installation has (lib/seed/reference.ts, lib/demo/pos-categories.ts).
import { isMainModule } from "./main-module";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { CHANNEL_CODES } from "../channels/types";
import { MAX_RAW_TEXT_LENGTH } from "../channels/schema-common";
import { toPlainText } from "../channels/sanitize";
import { decide } from "../routing/decide";
import { defaultRoutingContext } from "../routing/default-context";
import type { RoutingContext } from "../routing/types";

export type ClassifyRouting = { ctx: RoutingContext; blockCodeById: Map<number, string> };
export type ClassifyOutput =
  | { id: string | number; topic: string | null; block: string | null; confidence: number }
  | { id: string | number | null; error: string };

const CHANNELS: ReadonlySet<string> = new Set(CHANNEL_CODES);
const ID_IN_BROKEN_JSON = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/;

function idOfBrokenLine(line: string): string | number | null {
  const m = ID_IN_BROKEN_JSON.exec(line.length > 10_000 ? line.slice(0, 10_000) : line);
  if (!m) return null;
  try {
    const v: unknown = JSON.parse(m[1]);
    return typeof v === "string" || typeof v === "number" ? v : null;
  } catch {
    return null;
  }
}

const optionalString = (v: unknown) => v === undefined || v === null || typeof v === "string";

/** One input line → one output object; null for a blank line (skipped, as JSONL readers do). */
export function classifyLine(line: string, routing: ClassifyRouting): ClassifyOutput | null {
  if (!line.trim()) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: idOfBrokenLine(line), error: "некорректный JSON / malformed JSON" };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    return { id: null, error: "ожидался объект JSON / expected a JSON object" };
  const o = raw as Record<string, unknown>;
  const id = typeof o.id === "string" || (typeof o.id === "number" && Number.isFinite(o.id)) ? o.id : null;
  if (id === null) return { id: null, error: "нет поля id (строка или число) / missing id (string or number)" };
  if (typeof o.text !== "string") return { id, error: "нет поля text (строка) / missing text (string)" };
  if (o.channel != null && (typeof o.channel !== "string" || !CHANNELS.has(o.channel))) {
    return { id, error: `неизвестный канал / unknown channel; expected one of ${CHANNEL_CODES.join(", ")}` };
  }
  for (const k of ["category", "subcategory", "title", "locality"] as const) {
    if (!optionalString(o[k])) return { id, error: `поле ${k} должно быть строкой / ${k} must be a string` };
  }
  // Ingestion rejects raw text over this length; the classifier reads only the head anyway.
  const text = o.text.length > MAX_RAW_TEXT_LENGTH ? o.text.slice(0, MAX_RAW_TEXT_LENGTH) : o.text;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  const title = str(o.title);
  const d = decide(
    {
      channel: (o.channel as string | undefined) ?? "",
      textClean: toPlainText(text),
      title: title ? toPlainText(title, 500) || null : null,
      locality: str(o.locality),
      sourceCategory: str(o.category),
      sourceSubcategory: str(o.subcategory),
    },
    routing.ctx,
  );
  return {
    id,
    topic: d.topicId === null ? null : (routing.ctx.topicCodeById.get(d.topicId) ?? null),
    block: d.blockId === null ? null : (routing.blockCodeById.get(d.blockId) ?? null),
    confidence: Math.round((d.topicConfidence ?? 0) * 10_000) / 10_000,
  };
}

/** Classifies a stream of JSON lines; returns the number of output lines. */
export async function classifyStream(input: Readable, output: Writable, routing: ClassifyRouting): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let buffer: string[] = [];
  let written = 0;
  const flush = async () => {
    if (!buffer.length) return;
    const chunk = buffer.join("");
    buffer = [];
    if (!output.write(chunk)) await new Promise<void>((resolve) => output.once("drain", resolve));
  };
  for await (const line of lines) {
    let out: ClassifyOutput | null;
    try {
      out = classifyLine(line, routing);
    } catch (e) {
      // A bug must not lose the rest of the batch: report it for this line and go on.
      out = { id: idOfBrokenLine(line), error: `внутренняя ошибка / internal error: ${(e as Error).message}` };
    }
    if (!out) continue;
    buffer.push(`${JSON.stringify(out)}\n`);
    written++;
    if (buffer.length >= 500) await flush();
  }
  await flush();
  return written;
}

/** The routing context: the database's when DATABASE_URL is set, otherwise the defaults. */
export async function loadClassifyRouting(
  note: (line: string) => void,
): Promise<{ routing: ClassifyRouting; close: () => Promise<void> }> {
  const { env } = await import("../env");
  if (!env().DATABASE_URL) {
    note(
      "Примечание: DATABASE_URL не задан — используются темы, блоки и категории ПОС по умолчанию, без правил / " +
        "note: DATABASE_URL is not set, using the default topics, blocks and ПОС categories, no rules",
    );
    const d = defaultRoutingContext();
    return { routing: { ctx: d.ctx, blockCodeById: d.blockCodeById }, close: async () => undefined };
  }
  // Imported lazily: without a database the CLI never loads the Prisma client.
  const [{ db, disconnectDb }, { loadCodedRoutingContext }] = await Promise.all([
    import("../db"),
    import("../routing/context"),
  ]);
  try {
    return { routing: await loadCodedRoutingContext(db()), close: disconnectDb };
  } catch (e) {
    await disconnectDb().catch(() => undefined);
    throw e;
  }
}

if (isMainModule(import.meta.url)) {
  // `… | head` closes stdout early: stop quietly instead of printing a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
  });
  const note = (line: string) => process.stderr.write(`${line}\n`);
  loadClassifyRouting(note)
    .then(async ({ routing, close }) => {
      await close(); // everything needed is in memory now
      await classifyStream(process.stdin, process.stdout, routing);
    })
    .catch((error: unknown) => {
      process.stderr.write(`Ошибка / error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
