// The only reader of process.env: every setting is checked here once.
import { z } from "zod";

/** A 0/1 switch: "1" on, "0" off, unset or empty = `byDefault`. */
const flag = (byDefault: boolean) =>
  z
    .enum(["0", "1", ""])
    .optional()
    .transform((v) => (v ? v === "1" : byDefault));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Checked by secretProblem() at start-up (a Russian message there rather than a zod one here).
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("МЦУ Холмск <mcu@localhost>"),
  DATA_DIR: z.string().default(".data"),
  // Bearer tokens of the channels' APIs (see lib/channels/contracts); empty = none.
  POS_API_TOKEN: z.string().default(""),
  INCIDENT_API_TOKEN: z.string().default(""),
  SMLS_API_TOKEN: z.string().default(""),
  SAKHALIN_API_TOKEN: z.string().default(""),
  CHANNEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  CHANNEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  // Fail-safe: an install that forgets APP_ENV is a production one (no demo accounts, a real secret
  // required). `npm start` on the embedded database sets APP_ENV=demo itself (lib/cli/start.ts).
  APP_ENV: z.enum(["demo", "staging", "production"]).default("production"),
  // The web server (lib/cli/web.ts; `npm start` passes PORT on to it).
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  // Processes of the web server; unset = one per core.
  WEB_CONCURRENCY: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(256).optional()),
  // 0 = the web server does not gzip (a proxy in front does).
  WEB_COMPRESS: flag(true),
  // 1 = the client's address is the first X-Forwarded-For hop (the desk runs behind a proxy).
  TRUST_PROXY: flag(false),
  // Development and test only (lib/cli/start.ts, lib/cli/bench-queue.ts): the embedded database's
  // port (0 = any free one), a rebuild on every start, the demo simulators, the build folder.
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  MCU_REBUILD: flag(false),
  MCU_SIMULATORS: flag(true),
  NEXT_DIST_DIR: z
    .string()
    .optional()
    .transform((v) => v || ".next"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

export function env(): Env {
  if (!cached) {
    loadDotEnv();
    cached = parseEnv(process.env);
  }
  return cached;
}

/** Reads `.env` from the working directory into process.env, once, for the app and every CLI
 * (Next.js loads it for its own server too). Variables already set in the environment win. */
export function loadDotEnv(file = ".env"): void {
  if (dotEnvLoaded) return;
  dotEnvLoaded = true;
  try {
    process.loadEnvFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}
let dotEnvLoaded = false;

/** The settings read from a set of variables (tests pass their own). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return parsed.data;
}

/** Raw access for CLI tools (lib/cli, the scratch-database helper) that build a child process's
 * environment, ask whether a variable is set at all, or set one before env() is first read (it
 * caches). Everything else reads env(); eslint.config.mjs keeps this import to those files. */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}

export const MIN_SECRET_LENGTH = 32;
// Values people paste from examples and tutorials: refused outside demo installs.
const PLACEHOLDER_SECRET = /change|example|placeholder|secret|not-for-production|demo|test|password|пароль|^(.)\1+$/i;

/** Why this NEXTAUTH_SECRET must not sign sessions of a real install (null = it may). */
export function secretProblem(secret: string | undefined): string | null {
  if (!secret)
    return "NEXTAUTH_SECRET не задан: задайте случайную строку не короче 32 символов (например, `openssl rand -hex 32`).";
  if (secret.length < MIN_SECRET_LENGTH)
    return `NEXTAUTH_SECRET короче ${MIN_SECRET_LENGTH} символов: задайте случайную строку (например, \`openssl rand -hex 32\`).`;
  if (PLACEHOLDER_SECRET.test(secret))
    return "NEXTAUTH_SECRET похож на пример из документации: задайте случайную строку (например, `openssl rand -hex 32`).";
  return null;
}

/** What keeps a non-demo install (APP_ENV staging or production) from starting; empty = nothing.
 * Demo installs (APP_ENV=demo) may run with a generated or test secret and the embedded database. */
export function startupProblems(e: Pick<Env, "APP_ENV" | "NEXTAUTH_SECRET" | "DATABASE_URL"> = env()): string[] {
  if (e.APP_ENV === "demo") return [];
  const problems: string[] = [];
  if (!e.DATABASE_URL)
    problems.push(
      `DATABASE_URL не задан: при APP_ENV=${e.APP_ENV} нужна база PostgreSQL (для демонстрации — APP_ENV=demo).`,
    );
  const s = secretProblem(e.NEXTAUTH_SECRET);
  if (s) problems.push(s);
  return problems;
}
