// Idempotent seed of reference data, demo accounts and demo messages. Refuses in production.
import { env } from "@/lib/env";
import { db, disconnectDb } from "@/lib/db";
import { seedAll } from "@/lib/seed/seed";
import { pgPool, closePgPool } from "@/lib/db/pg-pool";
import { indexPendingSearch } from "@/lib/search/index-pending";

if (env().APP_ENV === "production") {
  console.error("Seeding demo data is refused in production (APP_ENV=production).");
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
