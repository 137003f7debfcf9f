// The web server: the production build served by several Node.js processes on one port
// (node:cluster), one per core by default, because one process renders pages on one core only.
// `npm run web [-- --port 3000]`; WEB_CONCURRENCY sets the number of processes. A process that
// dies is replaced; SIGTERM/SIGINT stop them all.
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compressResponse } from "../http/compress-response";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { newNonce, securityHeaders } from "../http/security-headers";
import { env, processEnv, startupProblems } from "../env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values } = parseArgs({ options: { port: { type: "string", short: "p" } }, strict: false });
const port = values.port ? Number(values.port) : env().PORT;
const workers = env().WEB_CONCURRENCY ?? availableParallelism();

if (cluster.isPrimary) {
  // A real install (APP_ENV other than demo) never starts with a placeholder secret or without
  // its database: one line saying what to fix, and a non-zero exit.
  const problems = startupProblems();
  if (problems.length) {
    for (const p of problems) console.error(`web: ${p}`);
    process.exit(1);
  }
  // Each page render allocates briefly: a larger young generation halves the time in the GC.
  cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-semi-space-size=64"] });
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (w, code, signal) => {
    if (stopping) return;
    console.error(`web: process ${w.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(fork, 1000);
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on("exit", () => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  console.log(`web: http://localhost:${port} (${workers} processes)`);
} else {
  (processEnv() as Record<string, string>).NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Responses are gzipped here, whole, rather than chunk by chunk by Next.js (compress: false in
  // next.config.mjs): see lib/http/compress-response.ts. WEB_COMPRESS=0 leaves it to a proxy.
  const compress = env().WEB_COMPRESS;
  // The client's address as the app sees it (sign-in limits, audit): taken from the socket, or from
  // the first X-Forwarded-For hop when TRUST_PROXY=1 (the desk runs behind a proxy). A value the
  // client sent in this header itself is always replaced.
  const trustProxy = env().TRUST_PROXY;
  const httpsUrl = env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  http
    .createServer((req, res) => {
      const forwarded = trustProxy
        ? String(req.headers["x-forwarded-for"] ?? "")
            .split(",")[0]
            .trim()
        : "";
      req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || "";
      // Protective headers (lib/http/security-headers.ts). The policy is also put on the request:
      // Next.js takes the script nonce from there and marks every script of the page with it.
      const https = httpsUrl || (trustProxy && req.headers["x-forwarded-proto"] === "https");
      const headers = securityHeaders(newNonce(), https);
      req.headers["content-security-policy"] = headers["Content-Security-Policy"];
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      if (compress) compressResponse(req, res);
      void handle(req, res);
    })
    .listen(port);
}
