// A plain `pg` pool for the few bulk paths where Prisma would go row by row (ingestion of
// channel pages as set-based SQL, COPY in benchmarks). Everything else goes through lib/db.ts.
import pg from "pg";
import { databaseUrl } from "@/lib/db";
import { env } from "@/lib/env";

const g = globalThis as unknown as { __mcuPgPool?: pg.Pool; __mcuPgPoolUrl?: string };

export function pgPool(): pg.Pool {
  const url = databaseUrl();
  if (!g.__mcuPgPool || g.__mcuPgPoolUrl !== url) {
    g.__mcuPgPool = new pg.Pool({ connectionString: url, max: Math.max(2, Math.ceil(env().DB_POOL_SIZE / 2)) });
    g.__mcuPgPoolUrl = url;
  }
  return g.__mcuPgPool;
}

export async function closePgPool(): Promise<void> {
  await g.__mcuPgPool?.end();
  g.__mcuPgPool = undefined;
}
