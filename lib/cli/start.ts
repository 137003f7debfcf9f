// `npm start`: one command from a fresh clone to a running desk. Without DATABASE_URL it runs an
// embedded PostgreSQL (PGlite) kept in .data/pglite, migrates it, seeds demo data on first start,
// builds the app if needed and starts it. This process hosts the embedded database, so it stays
// up as the parent of the web server.
// Demo data is an explicit choice: APP_ENV=demo, or the embedded database with APP_ENV unset. A
// server database (DATABASE_URL) without APP_ENV=demo is a real install: no demo accounts, no
// simulators, and a real NEXTAUTH_SECRET is required (lib/env.ts startupProblems).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/reference";
import { env, processEnv, startupProblems } from "@/lib/env";
import { ROLE_LABELS } from "@/lib/auth/roles";

const root = path.resolve(import.meta.dirname, "../..");
// The launcher's own settings come from env(); what it decides for its children (APP_ENV, the
// database, the secret, the pool) depends on whether a variable is set at all, so it reads those raw.
const raw = processEnv();
const dataDir = path.resolve(root, env().DATA_DIR);
const port = env().PORT;
mkdirSync(dataDir, { recursive: true });

function log(msg: string) {
  console.log(`[mcu] ${msg}`);
}

function persistentSecret(): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

const appEnv = (raw.APP_ENV ?? (raw.DATABASE_URL ? "production" : "demo")) as "demo" | "staging" | "production";
const isDemo = appEnv === "demo";
const problems = startupProblems({
  APP_ENV: appEnv,
  NEXTAUTH_SECRET: raw.NEXTAUTH_SECRET,
  DATABASE_URL: raw.DATABASE_URL,
});
if (problems.length) {
  for (const p of problems) console.error(`[mcu] ${p}`);
  console.error(
    `[mcu] Запуск остановлен (APP_ENV=${appEnv}${raw.APP_ENV ? "" : ", так как задан DATABASE_URL"}). Для демонстрации: APP_ENV=demo npm start.`,
  );
  process.exit(1);
}

let stopEmbedded: (() => Promise<void>) | null = null;
let url = raw.DATABASE_URL;
if (!url) {
  log(`DATABASE_URL не задан — запускаю встроенную PostgreSQL (PGlite) в ${path.join(dataDir, "pglite")}`);
  const emb = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port: env().EMBEDDED_DB_PORT });
  url = emb.url;
  stopEmbedded = emb.stop;
}

const childEnv: NodeJS.ProcessEnv = {
  ...raw,
  DATABASE_URL: url,
  APP_ENV: appEnv,
  // Only a demo install may use a secret generated into ./.data; others were checked above.
  NEXTAUTH_SECRET: raw.NEXTAUTH_SECRET ?? persistentSecret(),
  NEXTAUTH_URL: raw.NEXTAUTH_URL ?? `http://localhost:${port}`,
  // The embedded database serves one query at a time; a small pool is plenty.
  DB_POOL_SIZE: raw.DB_POOL_SIZE ?? (stopEmbedded ? "4" : "10"),
};

const result = await migrate(url);
log(result.applied.length ? `миграции применены: ${result.applied.join(", ")}` : "схема базы данных актуальна");

const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM users");
await client.end();
const noUsers = Number(rows[0].n) === 0;
if (noUsers && !isDemo) {
  log("в базе нет ни одной учётной записи: создайте начальника МЦУ командой `npm run user:admin -- --login <логин>`");
}
if (noUsers && isDemo) {
  log("первый запуск — загружаю демонстрационные данные…");
  // Not spawnSync: this process serves the embedded database the seed connects to.
  const code = await new Promise<number | null>((resolve) => {
    spawn("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
      cwd: root,
      stdio: "inherit",
      env: childEnv,
    }).on("exit", resolve);
  });
  if (code !== 0) {
    log("не удалось загрузить демонстрационные данные");
    process.exit(1);
  }
}

if (!existsSync(path.join(root, ".next", "BUILD_ID")) || env().MCU_REBUILD) {
  log("собираю приложение (next build, 1–3 минуты)…");
  const b = spawnSync("npx", ["next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: "production" },
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

if (isDemo) {
  log("демонстрационные учётные записи (пароль у всех один):");
  for (const u of DEMO_USERS)
    console.log(`    ${u.login.padEnd(18)} ${DEMO_PASSWORD}   ${ROLE_LABELS[u.role]}${u.block ? ` (${u.block})` : ""}`);
}

// Each child gets its own process group so stopping the desk stops npx's grandchildren too.
const run = (args: string[], env: Record<string, string> = {}) =>
  spawn("npx", args, { cwd: root, stdio: "inherit", env: { ...childEnv, ...env }, detached: true });
// The web server runs one process per core (lib/cli/web.ts). The worker allocates briefly for
// every channel page: a larger young generation halves its time in the garbage collector.
const children = [
  run(["tsx", "lib/cli/web.ts", "-p", String(port)]),
  run(["tsx", "--conditions=react-server", "lib/cli/worker.ts"], { NODE_OPTIONS: "--max-semi-space-size=64" }),
];
// Channel simulators stand in for the real channels' servers on demo installs.
if (isDemo && env().MCU_SIMULATORS) children.push(run(["tsx", "lib/cli/simulators.ts"]));
log(`рабочее место: http://localhost:${port}`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  if (stopEmbedded) await stopEmbedded();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
for (const c of children) c.on("exit", (code) => void shutdown(code ?? 0));
