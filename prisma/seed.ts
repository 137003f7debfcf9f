// Idempotent seed of reference data, demo accounts and demo messages. Demo accounts share a
// published password, so the seed runs only when asked for explicitly: APP_ENV=demo.
import { env } from "@/lib/env";
import { db, disconnectDb } from "@/lib/db";
import { seedAll } from "@/lib/seed/seed";
import { pgPool, closePgPool } from "@/lib/db/pg-pool";
import { indexPendingSearch } from "@/lib/search/index-pending";

if (env().APP_ENV !== "demo") {
  console.error(`Демонстрационные данные загружаются только при APP_ENV=demo (сейчас APP_ENV=${env().APP_ENV}).`);
  process.exit(1);
}
const count = Number(process.argv.find((a) => a.startsWith("--messages="))?.split("=")[1] ?? 320);
const r = await seedAll(db(), { messages: count });
const client = await pgPool().connect();
await indexPendingSearch(client);
client.release();
console.log(`Seed: ${r.users} demo accounts, ${r.messagesCreated} new demo messages.`);
await closePgPool();
await disconnectDb();
