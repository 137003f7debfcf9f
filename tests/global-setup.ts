// Gives the vitest run a migrated throwaway database unless the caller already provides one
// (tests/with-test-db.ts does, so the e2e server and the specs can share it).
import { createTestDb, type TestDb } from "./support/test-db";

let created: TestDb | null = null;

export default async function setup() {
  if (!process.env.DATABASE_URL) {
    created = await createTestDb("unit");
    process.env.DATABASE_URL = created.url;
    process.env.TEST_DB_KIND = created.kind;
    console.log(`[tests] database: ${created.kind}`);
  }
  return async () => {
    if (created) await created.drop();
  };
}
