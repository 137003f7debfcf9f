// The only reader of process.env: every setting is checked here once.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // Deadlines and the production calendar are counted for Kholmsk; other zones are not supported yet.
  MUNICIPAL_TZ: z.literal("Asia/Sakhalin").default("Asia/Sakhalin"),
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
  APP_ENV: z.enum(["demo", "staging", "production"]).default("demo"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Raw access for CLI tools that set variables for child processes. */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}
