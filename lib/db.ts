// The one Prisma client of the app: PostgreSQL through the pg driver adapter, explicit pool size.
// Password hashes are omitted from every query unless a caller asks for them explicitly.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient(url: string) {
  const adapter = new PrismaPg({ connectionString: url, max: env().DB_POOL_SIZE });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __mcuDb?: Db; __mcuDbUrl?: string };

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start provides the embedded database)");
  return url;
}

/** Lazily created so importing the module never connects (e.g. during `next build`). */
export function db(): Db {
  const url = databaseUrl();
  if (!globalForDb.__mcuDb || globalForDb.__mcuDbUrl !== url) {
    globalForDb.__mcuDb = createClient(url);
    globalForDb.__mcuDbUrl = url;
  }
  return globalForDb.__mcuDb;
}

export async function disconnectDb(): Promise<void> {
  if (globalForDb.__mcuDb) await globalForDb.__mcuDb.$disconnect();
  globalForDb.__mcuDb = undefined;
}
