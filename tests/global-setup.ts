// Gives the vitest run a migrated throwaway database unless the caller already provides one
// (tests/with-test-db.ts does, so the e2e server and the specs can share it).
import { createTestDb, type TestDb } from "./support/test-db";
import { refuseRemoteDatabase } from "./support/local-db";

let created: TestDb | null = null;

export default async function setup() {
  // A DATABASE_URL given by the caller is written to and emptied by the tests: this machine only.
  refuseRemoteDatabase(process.env.DATABASE_URL, "DATABASE_URL");
  if (!process.env.DATABASE_URL) {
    refuseRemoteDatabase(process.env.TEST_PG_ADMIN_URL, "TEST_PG_ADMIN_URL");
    created = await createTestDb("unit");
    process.env.DATABASE_URL = created.url;
    process.env.TEST_DB_KIND = created.kind;
    console.log(`[tests] database: ${created.kind}`);
  }
  return async () => {
    if (created) await created.drop();
  };
}
