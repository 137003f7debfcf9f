import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressResponse, MIN_COMPRESS_BYTES } from "./compress-response";

// A real HTTP server whose handlers write the way Next.js does (flushHeaders, then chunks, each
// followed by flush when there is one), wrapped by compressResponse; a real client reads the raw
// bytes (no automatic decompression).
const page = "<!DOCTYPE html><p>Очередь сообщений</p>".repeat(200);
const handlers: Record<string, (res: http.ServerResponse) => void | Promise<void>> = {
  "/page": async (res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "rsc");
    res.flushHeaders();
    for (let i = 0; i < page.length; i += 1000) {
      res.write(new TextEncoder().encode(page.slice(i, i + 1000)));
      await Promise.resolve();
    }
    res.end();
  },
  "/small": (res) => {
    res.setHeader("Content-Type", "application/json");
    res.end('{"ok":true}');
  },
  "/png": (res) => {
    res.setHeader("Content-Type", "image/png");
    res.end(Buffer.alloc(5000, 7));
  },
  "/encoded": (res) => {
    res.setHeader("Content-Type", "text/plain");
    res.setHeader("Content-Encoding", "br");
    res.end(Buffer.alloc(5000, 1));
  },
  "/redirect": (res) => {
    res.statusCode = 307;
    res.setHeader("Location", "/page");
    res.end();
  },
  "/slow": async (res) => {
    res.setHeader("Content-Type", "text/html");
    res.flushHeaders();
    res.write("a".repeat(2000));
    await new Promise((r) => setTimeout(r, 120));
    res.write("b".repeat(2000), () => {});
    res.end("c");
  },
};

let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    compressResponse(req, res, 50);
    void handlers[req.url ?? ""]?.(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, headers, method }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressResponse", () => {
  it("gzips a streamed page once, whole, with its length and Vary", async () => {
    const r = await get("/page", { "accept-encoding": "gzip, deflate, br" });
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(r.headers.vary).toBe("rsc, Accept-Encoding");
    expect(r.body.length).toBeLessThan(Buffer.byteLength(page) / 10);
    expect(gunzipSync(r.body).toString("utf8")).toBe(page);
  });

  it("sends the page as it is to a client that does not accept gzip (or refuses it with q=0)", async () => {
    for (const ae of [undefined, "br", "gzip;q=0, identity"]) {
      const r = await get("/page", ae ? { "accept-encoding": ae } : {});
      expect(r.headers["content-encoding"], String(ae)).toBeUndefined();
      expect(r.body.toString("utf8")).toBe(page);
      expect(Number(r.headers["content-length"])).toBe(r.body.length);
    }
  });

  it("leaves alone small bodies, images, bodies already encoded and redirects", async () => {
    const small = await get("/small", { "accept-encoding": "gzip" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe('{"ok":true}');
    expect(small.body.length).toBeLessThan(MIN_COMPRESS_BYTES);
    const png = await get("/png", { "accept-encoding": "gzip" });
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.body.equals(Buffer.alloc(5000, 7))).toBe(true);
    const enc = await get("/encoded", { "accept-encoding": "gzip" });
    expect(enc.headers["content-encoding"]).toBe("br");
    expect(enc.body.equals(Buffer.alloc(5000, 1))).toBe(true);
    const redirect = await get("/redirect", { "accept-encoding": "gzip" });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.location).toBe("/page");
  });

  it("a response still open after the hold time is sent on as it comes, uncompressed and complete", async () => {
    const r = await get("/slow", { "accept-encoding": "gzip" });
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.headers["transfer-encoding"]).toBe("chunked");
    expect(r.body.toString()).toBe("a".repeat(2000) + "b".repeat(2000) + "c");
  });

  it("HEAD requests are not touched", async () => {
    const r = await get("/small", { "accept-encoding": "gzip" }, "HEAD");
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(0);
  });
});
