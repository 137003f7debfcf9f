// Runs a command against a throwaway, migrated (and optionally seeded) database, then drops it:
//   tsx tests/with-test-db.ts [--seed] -- <command> [args…]
import { spawn } from "node:child_process";
import { createTestDb } from "./support/test-db";
import { refuseRemoteDatabase } from "./support/local-db";

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
const flags = sep >= 0 ? argv.slice(0, sep) : [];
const cmd = sep >= 0 ? argv.slice(sep + 1) : argv;
if (cmd.length === 0) {
  console.error("usage: tsx tests/with-test-db.ts [--seed] -- <command…>");
  process.exit(2);
}

// The throwaway database is created on the server of TEST_PG_ADMIN_URL (default: 127.0.0.1).
refuseRemoteDatabase(process.env.TEST_PG_ADMIN_URL, "TEST_PG_ADMIN_URL");
const tdb = await createTestDb(flags.includes("--seed") ? "e2e" : "it");
console.log(`[tests] database: ${tdb.kind}`);
// Test databases hold demo data (demo accounts, the published password): a demo install.
const childEnv = { ...process.env, DATABASE_URL: tdb.url, TEST_DB_KIND: tdb.kind, APP_ENV: "demo" };
let code = 1;
try {
  if (flags.includes("--seed")) {
    code = await run(["npx", "tsx", "prisma/seed.ts"], childEnv);
    if (code !== 0) throw new Error("seed failed");
  }
  code = await run(cmd, childEnv);
} catch (e) {
  console.error((e as Error).message);
} finally {
  await tdb.drop();
}
process.exit(code);

function run(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: "inherit", env });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (c, sig) => resolve(c ?? (sig ? 1 : 0)));
  });
}
