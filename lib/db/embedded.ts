// Embedded PostgreSQL (PGlite, WebAssembly) served over the wire protocol so `pg` and Prisma's
// adapter connect to it with an ordinary connection string. Used when DATABASE_URL is not set.
// PGlite runs one query at a time: code must never wait on a second connection while holding
// a transaction open on the first (it would deadlock here).
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number; maxConnections?: number } = {}): Promise<EmbeddedDb> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: opts.dataDir, extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections ?? 20,
  });
  await server.start();
  const port = await listeningPort(server);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

async function listeningPort(server: PGLiteSocketServer): Promise<number> {
  // The server keeps its net.Server private; read the bound port from it.
  const inner = (server as unknown as { server?: { address(): { port: number } | string | null } }).server;
  const addr = inner?.address();
  if (addr && typeof addr === "object") return addr.port;
  throw new Error("embedded PostgreSQL did not report its port");
}
