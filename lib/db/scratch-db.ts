// A throwaway database for a test run or a benchmark: a fresh database on the local PostgreSQL
// server when one answers, otherwise an in-memory embedded PostgreSQL (PGlite). Always migrated.
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { processEnv } from "@/lib/env";

export type ScratchDb = { url: string; kind: "server" | "embedded"; drop: () => Promise<void> };

// Raw, not env(): test set-up and benchmarks call this before they point DATABASE_URL at the
// database it makes, and env() caches what it first reads.
const ADMIN_URL = processEnv().TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverAvailable(): Promise<boolean> {
  if (processEnv().TEST_EMBEDDED === "1") return false;
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function createScratchDb(label = "test"): Promise<ScratchDb> {
  if (await serverAvailable()) {
    const name = `mcu_${label}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    const url = u.toString();
    await migrate(url);
    return {
      url,
      kind: "server",
      drop: async () => {
        const a = new pg.Client({ connectionString: ADMIN_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const emb = await startEmbeddedPostgres({ maxConnections: 30 });
  await migrate(emb.url);
  return { url: emb.url, kind: "embedded", drop: emb.stop };
}
