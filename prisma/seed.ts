// Idempotent seed of reference data, demo accounts and demo messages. Refuses in production.
import { env } from "@/lib/env";
import { db, disconnectDb } from "@/lib/db";
import { seedAll } from "@/lib/seed/seed";

if (env().APP_ENV === "production") {
  console.error("Seeding demo data is refused in production (APP_ENV=production).");
  process.exit(1);
}
const count = Number(process.argv.find((a) => a.startsWith("--messages="))?.split("=")[1] ?? 320);
const r = await seedAll(db(), { messages: count });
console.log(`Seed: ${r.users} demo accounts, ${r.messagesCreated} new demo messages.`);
await disconnectDb();
