// Response compression for the desk's web server (lib/cli/web.ts). Next.js streams a page in
// chunks and flushes after each; gzipping them through a zlib stream (Next.js's own `compress`, or
// the `compression` middleware) costs a zlib job in libuv's thread pool per chunk, and on the
// 2-core machines it ran on that took a third of the server's throughput. Here a response is held
// until it ends and gzipped once, on the spot; a response still open after `holdMs` (a page
// streaming a slow part behind Suspense) is sent on as it comes, uncompressed.
import type { IncomingMessage, ServerResponse } from "node:http";
import { constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|[a-z.+-]*\+(json|xml))|image\/svg\+xml)/i;
/** Below this a gzip header costs more than it saves. */
export const MIN_COMPRESS_BYTES = 1024;

type Chunk = string | Uint8Array;
type Done = (err?: Error | null) => void;

function toBuffer(chunk: Chunk, enc: unknown): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof enc === "string" ? (enc as BufferEncoding) : "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = String(req.headers["accept-encoding"] ?? "");
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((x) => x.trim()).find((x) => x.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (!q || Number(q.slice(2)) > 0);
  });
}

function compressible(res: ServerResponse, bytes: number): boolean {
  return (
    res.statusCode === 200 &&
    bytes >= MIN_COMPRESS_BYTES &&
    !res.headersSent &&
    !res.getHeader("content-encoding") &&
    COMPRESSIBLE.test(String(res.getHeader("content-type") ?? "")) &&
    !/\bno-transform\b/i.test(String(res.getHeader("cache-control") ?? ""))
  );
}

/** Takes over `res.write`, `res.end` and `res.flushHeaders` for one response (see above). */
export function compressResponse(req: IncomingMessage, res: ServerResponse, holdMs = 50): void {
  if (req.method === "HEAD") return;
  const gzipOk = acceptsGzip(req);
  const write = res.write.bind(res) as (c: Chunk, e?: unknown, cb?: unknown) => boolean;
  const end = res.end.bind(res) as (c?: unknown, e?: unknown, cb?: unknown) => ServerResponse;
  const flushHeaders = res.flushHeaders.bind(res);
  let held: Buffer[] | null = [];
  let timer: NodeJS.Timeout | null = null;

  // Still open after holdMs: everything so far and from now on goes out as it comes.
  const release = () => {
    if (!held) return;
    const parts = held;
    held = null;
    if (timer) clearTimeout(timer);
    flushHeaders();
    for (const p of parts) write(p);
  };

  res.flushHeaders = () => {
    if (!held) flushHeaders();
  };

  res.write = ((chunk: Chunk, enc?: unknown, cb?: unknown) => {
    if (!held) return write(chunk, enc, cb);
    held.push(toBuffer(chunk, enc));
    timer ??= setTimeout(release, holdMs);
    const done = (typeof enc === "function" ? enc : cb) as Done | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as ServerResponse["write"];

  res.end = ((chunk?: unknown, enc?: unknown, cb?: unknown) => {
    if (!held) return end(chunk, enc, cb);
    const done = [chunk, enc, cb].find((x) => typeof x === "function") as Done | undefined;
    if (chunk != null && typeof chunk !== "function") held.push(toBuffer(chunk as Chunk, enc));
    const body = held.length === 1 ? held[0] : Buffer.concat(held);
    held = null;
    if (timer) clearTimeout(timer);
    if (gzipOk && compressible(res, body.length)) {
      const gz = gzipSync(body, { level: constants.Z_BEST_SPEED });
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Content-Length", gz.length);
      const vary = String(res.getHeader("vary") ?? "");
      if (!/\baccept-encoding\b/i.test(vary))
        res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      return end(gz, done);
    }
    if (
      !res.headersSent &&
      res.statusCode !== 204 &&
      res.statusCode !== 304 &&
      !res.hasHeader("content-length") &&
      !res.hasHeader("transfer-encoding")
    ) {
      res.setHeader("Content-Length", body.length);
    }
    return end(body, done);
  }) as ServerResponse["end"];
}
