/**
 * JSON-over-HTTP with the retry policy every channel shares: per-attempt timeout
 * (AbortSignal.timeout), exponential backoff with jitter for transient failures
 * (network, timeout, 5xx, 408, malformed bodies), Retry-After for 429, and no retry for
 * other 4xx, which would fail the same way again.
 */
import { ChannelError } from "./errors";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HttpClientOptions = {
  baseUrl: string;
  token: string;
  /** Per attempt, including reading the body. */
  timeoutMs: number;
  /** Retries after the first attempt (0 = try once). */
  maxRetries: number;
  fetchImpl?: FetchLike;
  /** First backoff delay; doubles each retry. Default 250 ms. */
  backoffBaseMs?: number;
  /** Ceiling of one backoff delay. Default 10 s. */
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited out: the caller gets rate_limited at once. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type HttpRequest<T> = {
  method: "GET" | "POST";
  /** Path with query, relative to baseUrl, e.g. "/api/v1/messages?limit=100". */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Validates the parsed JSON of a 2xx; throwing or returning an error string marks it malformed. */
  parse: (json: unknown, status: number) => { ok: true; value: T } | { ok: false; error: string };
};

export type HttpResponse<T> = { status: number; value: T; attempts: number };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorInfo(json: unknown): { code: string | null; message: string | null } {
  if (json && typeof json === "object" && "error" in json) {
    const err = (json as { error: unknown }).error;
    if (err && typeof err === "object") {
      const code = "code" in err && typeof err.code === "string" ? err.code : null;
      const message = "message" in err && typeof err.message === "string" ? err.message : null;
      return { code, message };
    }
  }
  return { code: null, message: null };
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function classifyThrown(e: unknown, timeoutMs: number): ChannelError {
  const name = e instanceof Error ? e.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new ChannelError({ code: "timeout", message: `no complete response within ${timeoutMs} ms`, cause: e });
  }
  const detail = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
  return new ChannelError({ code: "network", message: `network error: ${detail}`, cause: e });
}

export function createHttpClient(opts: HttpClientOptions) {
  const fetchImpl: FetchLike = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const base = opts.baseUrl.replace(/\/+$/, "");
  const backoffBase = opts.backoffBaseMs ?? 250;
  const backoffMax = opts.backoffMaxMs ?? 10_000;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 60_000;

  /** "Equal jitter": half fixed, half random, so parallel workers do not retry in lockstep. */
  const backoff = (retry: number) => {
    const ceiling = Math.min(backoffMax, backoffBase * 2 ** retry);
    return ceiling / 2 + random() * (ceiling / 2);
  };

  /** One attempt; returns the value or throws a ChannelError (retryable or not). */
  async function attempt<T>(req: HttpRequest<T>): Promise<{ status: number; value: T }> {
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${opts.token}`,
      ...req.headers,
    };
    if (req.body !== undefined) headers["content-type"] = "application/json";
    let status: number;
    let text: string;
    let retryAfterHeader: string | null;
    try {
      const res = await fetchImpl(`${base}${req.path}`, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      status = res.status;
      retryAfterHeader = res.headers.get("retry-after");
      text = await res.text();
    } catch (e) {
      throw classifyThrown(e, opts.timeoutMs);
    }

    const json = tryParseJson(text);
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(retryAfterHeader) ?? backoffBase;
      throw new ChannelError({
        code: "rate_limited",
        status,
        remoteCode: errorInfo(json).code,
        retryAfterMs,
        message: `rate limited, retry after ${Math.ceil(retryAfterMs / 1000)} s`,
      });
    }
    if (status < 200 || status >= 300) {
      const info = errorInfo(json);
      const retryable = status >= 500 || status === 408;
      throw new ChannelError({
        code: "http",
        status,
        remoteCode: info.code,
        retryable,
        message: `HTTP ${status}${info.code ? ` ${info.code}` : ""}${info.message ? `: ${info.message}` : ""}`,
      });
    }
    if (json === undefined) {
      throw new ChannelError({
        code: "malformed",
        status,
        message: `response is not valid JSON (${text.length} bytes)`,
      });
    }
    let parsed: ReturnType<HttpRequest<T>["parse"]>;
    try {
      parsed = req.parse(json, status);
    } catch (e) {
      parsed = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    if (!parsed.ok)
      throw new ChannelError({ code: "malformed", status, message: `unexpected response shape: ${parsed.error}` });
    return { status, value: parsed.value };
  }

  async function request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
    for (let n = 0; ; n++) {
      try {
        const { status, value } = await attempt(req);
        return { status, value, attempts: n + 1 };
      } catch (e) {
        const err = e instanceof ChannelError ? e : classifyThrown(e, opts.timeoutMs);
        const attempts = n + 1;
        if (!err.retryable || n >= opts.maxRetries) throw err.withAttempts(attempts);
        if (err.code === "rate_limited") {
          const wait = err.retryAfterMs ?? backoff(n);
          // A long ban is the scheduler's business, not something to block a worker on.
          if (wait > maxRetryAfter) throw err.withAttempts(attempts);
          await sleep(wait);
        } else {
          await sleep(backoff(n));
        }
      }
    }
  }

  return { request };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
