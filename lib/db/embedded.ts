// Embedded PostgreSQL (PGlite, WebAssembly) served over the wire protocol so `pg` and Prisma's
// adapter connect to it with an ordinary connection string. Used when DATABASE_URL is not set.
// PGlite runs one query at a time: code must never wait on a second connection while holding
// a transaction open on the first (it would deadlock here).
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(
  opts: { dataDir?: string; port?: number; maxConnections?: number } = {},
): Promise<EmbeddedDb> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: opts.dataDir, extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({
    db: batchAwareDb(db),
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

// Extended-protocol messages that leave the session mid-batch until the client's Sync.
const BATCH_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
const SYNC = "S".charCodeAt(0);
const SIMPLE_QUERY = "Q".charCodeAt(0);

/**
 * pglite-socket queues the protocol messages of all connections one by one and keeps to one
 * connection only while a SQL transaction is open (electric-sql/pglite#1046). A Parse … Sync batch
 * is not a transaction, so when a large query reaches the server in several pieces another
 * connection's Parse can land in the middle, and the first connection then runs the other's
 * statement and gets its rows (the worker crashed on exactly that). This view of the database
 * reports an open batch as an open transaction, so the queue takes only that connection's
 * messages until its Sync; a rollback the server issues for a vanished connection ends it too.
 */
function batchAwareDb(db: PGlite): PGlite {
  let batchOpen = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "isInTransaction") return () => batchOpen || target.isInTransaction();
      if (prop === "execProtocolRawStream") {
        return async (message: Uint8Array, opts: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          const type = message[0];
          const result = await target.execProtocolRawStream(message, opts);
          if (type === SYNC || type === SIMPLE_QUERY) batchOpen = false;
          else if (BATCH_MESSAGES.has(type)) batchOpen = true;
          return result;
        };
      }
      if (prop === "exec") {
        return (...args: Parameters<PGlite["exec"]>) => {
          batchOpen = false;
          return target.exec(...args);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function listeningPort(server: PGLiteSocketServer): Promise<number> {
  // The server keeps its net.Server private; read the bound port from it.
  const inner = (server as unknown as { server?: { address(): { port: number } | string | null } }).server;
  const addr = inner?.address();
  if (addr && typeof addr === "object") return addr.port;
  throw new Error("embedded PostgreSQL did not report its port");
}
