import { db } from "@/lib/db";
import { seedAll } from "@/lib/seed/seed";

let done: Promise<unknown> | null = null;

/** Seeds the shared test database once per test file (the seed is idempotent). */
export function ensureSeeded(): Promise<unknown> {
  done ??= seedAll(db(), { messages: 320 });
  return done;
}
