// `prisma generate` runs on WebAssembly but the CLI insists that a schema-engine binary path
// exists; its engine download is unreachable on our machines, so point it at any file.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { processEnv } from "../env";

const env = { ...processEnv() };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const r = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
