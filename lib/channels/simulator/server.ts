/**
 * A real HTTP server that serves one channel's contract (contracts/<channel>.md) from a seeded,
 * deterministic feed, with optional fault injection, a trickle of new messages, an answer
 * endpoint and (ПОС) a ratings endpoint.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hashSeed, hashUnit } from "@/lib/demo/rng";
import type { ChannelCode } from "../types";
import { AnswerBook, type RatingInput, type ReceivedAnswer } from "./answers";
import { Catalog } from "./catalog";
import { decodeCursor, encodeCursor, type CursorKind } from "./cursor";
import { chooseFault, NO_FAULTS, type Fault, type FaultOptions } from "./faults";
import { Feed } from "./feed";
import { escapeHtml, PLACEHOLDER_PNG, readBody, sendError, sendJson, sendRaw } from "./http-utils";
import { RENDERERS } from "./render";

export type SimulatorOptions = {
  channel: ChannelCode;
  /** 0 or undefined = a random free port. */
  port?: number;
  host?: string;
  seed: number;
  /** Number of distinct messages. */
  total: number;
  /** Page size when the client sends no limit. Default 100; the largest limit accepted is max(1000, pageSize). */
  pageSize?: number;
  faults?: Partial<FaultOptions>;
  /** Messages that "arrive" per second; undefined = all available at once. */
  ratePerSec?: number;
  /** With ratePerSec: messages already there at start (backlog). Default 0. */
  initial?: number;
  /** Required bearer token; undefined = no auth check. */
  token?: string;
  /** End of the backlog / start of the trickle. Default: now. Fix it to get byte-identical pages across runs. */
  anchor?: Date;
  /** The backlog is spread over this many days before the anchor. Default 30. */
  backlogDays?: number;
  /** Share of log entries that are edits of earlier messages. Default 0.03. */
  editRate?: number;
  /** Chance that a full page's next cursor steps back 1–2 items (same message on two pages). Default 0.1. */
  overlapRate?: number;
  /** The first N answer requests fail with 503 (for retry tests). */
  failFirstAnswers?: number;
  /** ПОС: generate a rating for every answered message (deterministic). Default true. */
  autoRate?: boolean;
  /** ПОС: how long after the answer an auto rating becomes visible. Default 0. */
  autoRateDelayMs?: number;
  /** Clock, injectable for tests of the trickle. */
  now?: () => number;
  /** Keep each rendered messages page (pages are deterministic), as a real channel server serves
   * stored data instead of generating it; with prerender(), benchmarks measure the client, not
   * the generator. Default false. */
  cachePages?: boolean;
};

export type SimulatorStats = {
  requests: number;
  listRequests: number;
  itemsServed: number;
  invalidItemsServed: number;
  faults: Record<Exclude<Fault, "none">, number>;
  answerRequests: number;
  answersAccepted: number;
  ratings: number;
  availableMessages: number;
  logLength: number;
  /** Time spent building message pages (generation + JSON), for benchmarks. */
  renderMs: number;
};

export type Simulator = {
  url: string;
  port: number;
  close(): Promise<void>;
  stats(): SimulatorStats;
  /** Distinct answers accepted (one per idempotency key), in arrival order. */
  receivedAnswers: ReceivedAnswer[];
  /** ПОС: records a rating of a message (number 1..5 or { score?, satisfied?, comment? }). */
  setRating(externalId: string, rating: RatingInput): void;
  /** Makes the next N answer requests fail with 503. */
  failNextAnswers(n: number): void;
  /** External id of the message with index i (0-based, in arrival order). */
  externalIdOf(index: number): string;
  /** With cachePages: renders every page a client walking from the start with `limit` will ask for. */
  prerender(limit: number): number;
};

const MAX_ANSWER_LENGTH = 20_000;
const ANSWER_PATH = /^\/api\/v1\/messages\/([^/]+)\/answer$/;

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const renderer = RENDERERS[opts.channel];
  const faults: FaultOptions = { ...NO_FAULTS, ...opts.faults };
  const now = opts.now ?? Date.now;
  const seed = opts.seed >>> 0;
  const pageSize = opts.pageSize ?? 100;
  const maxLimit = Math.max(1000, pageSize);
  const overlapRate = opts.overlapRate ?? 0.1;
  const feed = new Feed({
    seed,
    total: opts.total,
    editRate: opts.editRate ?? 0.03,
    anchorMs: opts.anchor?.getTime() ?? now(),
    backlogDays: opts.backlogDays ?? 30,
    ratePerSec: opts.ratePerSec,
    initial: opts.initial,
  });
  const book = new AnswerBook(seed, 50_000_000 + (hashSeed(seed, "ratings") % 40_000_000));
  const timers = new Set<NodeJS.Timeout>();
  let failAnswers = opts.failFirstAnswers ?? 0;
  let listRequestNo = 0;
  const stats: SimulatorStats = {
    requests: 0,
    listRequests: 0,
    itemsServed: 0,
    invalidItemsServed: 0,
    faults: { error5xx: 0, timeout: 0, malformed: 0, rateLimited: 0 },
    answerRequests: 0,
    answersAccepted: 0,
    ratings: 0,
    availableMessages: 0,
    logLength: feed.length,
    renderMs: 0,
  };
  // Set once listening: items link to this server's /view and /files pages.
  let catalog: Catalog | null = null;

  function parsePaging(
    url: URL,
    kind: CursorKind,
    length: number,
    res: ServerResponse,
  ): { offset: number; limit: number } | null {
    const rawLimit = url.searchParams.get("limit");
    const limit = rawLimit === null || rawLimit === "" ? pageSize : /^\d{1,7}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= maxLimit)) {
      sendError(res, 400, "invalid_limit", `limit must be an integer 1..${maxLimit}`);
      return null;
    }
    const rawCursor = url.searchParams.get("cursor");
    const offset = rawCursor === null || rawCursor === "" ? 0 : decodeCursor(kind, rawCursor);
    if (offset === null || offset > length) {
      sendError(res, 400, "invalid_cursor", "cursor is not valid for this feed");
      return null;
    }
    return { offset, limit };
  }

  /** Applies the request's injected fault; returns true when the response was taken over. */
  function injectFault(res: ServerResponse, body: () => string | Buffer): boolean {
    const fault = chooseFault(seed, listRequestNo++, faults);
    if (fault === "none") return false;
    stats.faults[fault] += 1;
    if (fault === "error5xx") {
      const kind = hashUnit(seed, "5xx", listRequestNo);
      if (kind < 0.34) sendError(res, 500, "internal_error", "Внутренняя ошибка сервера");
      else if (kind < 0.67) sendRaw(res, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
      else sendError(res, 503, "unavailable", "Сервис временно недоступен");
    } else if (fault === "rateLimited") {
      sendError(res, 429, "rate_limited", "Слишком много запросов", { "retry-after": String(faults.retryAfterSec) });
    } else if (fault === "malformed") {
      const full = body().toString();
      sendRaw(res, 200, full.slice(0, Math.max(1, Math.floor(full.length / 2))), "application/json; charset=utf-8");
    } else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        sendRaw(res, 200, body(), "application/json; charset=utf-8");
      }, faults.timeoutMs);
      timers.add(timer);
    }
    return true;
  }

  const pageCache = new Map<string, { body: Buffer; next: number }>();

  function messagesPage(offset: number, limit: number, avail: number): string | Buffer {
    if (!opts.cachePages) return renderPage(offset, limit, avail).json;
    const key = `${offset}:${limit}:${avail}`;
    let hit = pageCache.get(key);
    if (!hit) {
      const r = renderPage(offset, limit, avail);
      pageCache.set(key, (hit = { body: Buffer.from(r.json), next: r.next }));
    }
    return hit.body;
  }

  function renderPage(offset: number, limit: number, avail: number): { json: string; next: number } {
    const cat = catalog;
    if (!cat) throw new Error("simulator not started");
    const t0 = performance.now();
    const start = Math.min(offset, avail);
    const end = Math.min(avail, start + limit);
    const items: unknown[] = new Array(end - start);
    for (let p = start; p < end; p++) items[p - start] = cat.itemAt(p);
    let next = end;
    // At-least-once delivery, as real feeds do: sometimes the next page repeats the tail of this one.
    if (end - start === limit && end < avail && limit > 1 && hashUnit(seed, "overlap", start) < overlapRate) {
      next = end - Math.min(limit - 1, 1 + Math.floor(hashUnit(seed, "overlap-k", start) * 2));
    }
    const json = JSON.stringify({ items, next_cursor: encodeCursor("m", next), has_more: next < avail });
    stats.renderMs += performance.now() - t0;
    return { json, next };
  }

  function handleMessages(url: URL, res: ServerResponse): void {
    stats.listRequests += 1;
    const avail = feed.availableLength(now());
    const paging = parsePaging(url, "m", feed.length, res);
    if (!paging) return;
    const body = () => messagesPage(paging.offset, paging.limit, avail);
    if (injectFault(res, body)) return;
    const start = Math.min(paging.offset, avail);
    const served = Math.min(avail, start + paging.limit) - start;
    stats.itemsServed += served;
    sendRaw(res, 200, body(), "application/json; charset=utf-8");
  }

  function handleRatings(url: URL, res: ServerResponse): void {
    stats.listRequests += 1;
    const visible = book.visibleCount(now());
    const paging = parsePaging(url, "r", book.ratings.length, res);
    if (!paging) return;
    const body = () => {
      const start = Math.min(paging.offset, visible);
      const end = Math.min(visible, start + paging.limit);
      const items = book.ratings.slice(start, end).map(({ visibleAtMs: _hidden, ...rest }) => rest);
      return JSON.stringify({ items, next_cursor: encodeCursor("r", end), has_more: end < visible });
    };
    if (injectFault(res, body)) return;
    sendRaw(res, 200, body(), "application/json; charset=utf-8");
  }

  async function handleAnswer(externalId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.answerRequests += 1;
    const cat = catalog;
    const m = cat?.indexOf(externalId) ?? null;
    if (m === null || m >= feed.availableMessages(now())) {
      sendError(res, 404, "message_not_found", `Сообщение ${externalId} не найдено`);
      return;
    }
    const key = req.headers["idempotency-key"];
    if (typeof key !== "string" || key.length < 1 || key.length > 200) {
      sendError(res, 400, "idempotency_key_required", "Заголовок Idempotency-Key обязателен (1–200 символов)");
      return;
    }
    const raw = await readBody(req, 256 * 1024);
    if (raw === null) {
      sendError(res, 413, "payload_too_large", "Тело запроса больше 256 КБ");
      return;
    }
    let text: unknown;
    try {
      text = (JSON.parse(raw) as { text?: unknown } | null)?.text;
    } catch {
      sendError(res, 400, "invalid_json", "Тело запроса не является JSON");
      return;
    }
    if (typeof text !== "string" || !text.trim() || text.length > MAX_ANSWER_LENGTH) {
      sendError(res, 400, "invalid_request", `Поле text обязательно, не длиннее ${MAX_ANSWER_LENGTH} символов`);
      return;
    }
    if (failAnswers > 0) {
      failAnswers -= 1;
      sendError(res, 503, "unavailable", "Сервис временно недоступен");
      return;
    }
    const at = new Date(now());
    const outcome = book.accept(externalId, text, key, at);
    if (outcome.kind === "conflict") {
      sendError(res, 409, "idempotency_conflict", "Ключ идемпотентности уже использован для другого ответа");
      return;
    }
    if (outcome.kind === "accepted") {
      stats.answersAccepted += 1;
      if (opts.channel === "pos" && opts.autoRate !== false) {
        const rating = book.autoRating(externalId);
        const delay = opts.autoRateDelayMs ?? 0;
        if (rating !== null) book.addRating(externalId, rating, new Date(at.getTime() + delay), at.getTime() + delay);
      }
    }
    const a = outcome.answer;
    sendJson(res, outcome.kind === "accepted" ? 201 : 200, {
      answer_id: a.answerId,
      message_id: a.externalId,
      status: "accepted",
      accepted_at: a.acceptedAt.toISOString(),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.requests += 1;
    const url = new URL(req.url ?? "/", "http://simulator.local");
    const path = url.pathname;
    if (path === "/health") return sendJson(res, 200, { ok: true, channel: opts.channel });
    if (path.startsWith("/files/")) return sendRaw(res, 200, PLACEHOLDER_PNG, "image/png");
    if (path.startsWith("/view/")) {
      const html = `<!doctype html><meta charset="utf-8"><title>Симулятор</title><p>Симулятор канала «${escapeHtml(opts.channel)}»: здесь была бы страница источника <code>${escapeHtml(path)}</code>.</p>`;
      return sendRaw(res, 200, html, "text/html; charset=utf-8");
    }
    if (!path.startsWith("/api/")) return sendError(res, 404, "not_found", "Нет такого адреса");
    if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`) {
      return sendError(res, 401, "unauthorized", "Неверный или отсутствующий токен", { "www-authenticate": "Bearer" });
    }
    const answer = ANSWER_PATH.exec(path);
    if (answer) {
      if (req.method !== "POST") return sendError(res, 405, "method_not_allowed", "Используйте POST");
      return handleAnswer(decodeURIComponent(answer[1] ?? ""), req, res);
    }
    if (path === "/api/v1/messages" || (path === "/api/v1/ratings" && opts.channel === "pos")) {
      if (req.method !== "GET") return sendError(res, 405, "method_not_allowed", "Используйте GET");
      return path === "/api/v1/messages" ? handleMessages(url, res) : handleRatings(url, res);
    }
    return sendError(res, 404, "not_found", "Нет такого адреса");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      sendError(res, 500, "internal_error", e instanceof Error ? e.message : "internal error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  catalog = new Catalog(seed, renderer, feed, url, faults);
  const cat = catalog;

  return {
    url,
    port,
    receivedAnswers: book.received,
    stats: () => ({
      ...stats,
      faults: { ...stats.faults },
      ratings: book.ratings.length,
      availableMessages: feed.availableMessages(now()),
    }),
    setRating(externalId, rating) {
      if (opts.channel !== "pos") throw new Error("ratings exist only on the ПОС channel");
      if (cat.indexOf(externalId) === null) throw new RangeError(`unknown message ${externalId}`);
      const t = now();
      book.addRating(externalId, rating, new Date(t), t);
    },
    failNextAnswers(n) {
      failAnswers = n;
    },
    externalIdOf: (index) => cat.externalId(index),
    prerender(limit) {
      if (!opts.cachePages) throw new Error("prerender needs cachePages");
      const avail = feed.availableLength(now());
      let offset = 0;
      let pages = 0;
      for (;;) {
        messagesPage(offset, limit, avail);
        pages++;
        const next = pageCache.get(`${offset}:${limit}:${avail}`)!.next;
        if (next >= avail || next <= offset) return pages;
        offset = next;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
