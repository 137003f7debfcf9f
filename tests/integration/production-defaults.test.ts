// A real install is the default: demo accounts (with their published password) only when asked
// for, and no start with a placeholder secret (security issue, point 10).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseEnv, secretProblem, startupProblems } from "@/lib/env";
import { verifyCredentials } from "@/lib/auth/credentials";

const GOOD_SECRET = "9f2c4e7a1b8d3f6051c2e9a7d4b8f3e1a6c9d2b5e8f1a4c7d0b3e6f9a2c5d8e1";

/** Runs a CLI of ours with the given variables on top of a clean copy of the environment. */
function cli(args: string[], vars: Record<string, string | undefined>) {
  const envVars: NodeJS.ProcessEnv = { ...process.env, APP_ENV: undefined, NEXTAUTH_SECRET: undefined, ...vars };
  for (const k of Object.keys(envVars)) if (envVars[k] === undefined) delete envVars[k];
  return spawnSync("npx", ["tsx", "--conditions=react-server", ...args], {
    env: envVars,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("production defaults", () => {
  it("an install without APP_ENV is a production one", () => {
    expect(parseEnv({}).APP_ENV).toBe("production");
  });

  it("judges secrets: missing, short and placeholder ones are refused, a random one is not", () => {
    expect(secretProblem(undefined)).toMatch(/не задан/);
    expect(secretProblem("a1b2c3d4e5f6")).toMatch(/короче 32/);
    expect(secretProblem("change-me-to-32-random-bytes-0123456789")).toMatch(/пример/);
    expect(secretProblem("e2e-secret-not-for-production-0123456789")).toMatch(/пример/);
    expect(secretProblem(GOOD_SECRET)).toBeNull();
    expect(startupProblems({ APP_ENV: "production", NEXTAUTH_SECRET: GOOD_SECRET, DATABASE_URL: undefined })).toEqual([
      expect.stringMatching(/DATABASE_URL не задан/),
    ]);
    expect(
      startupProblems({ APP_ENV: "staging", NEXTAUTH_SECRET: "short", DATABASE_URL: "postgresql://x/y" }),
    ).toHaveLength(1);
    expect(startupProblems({ APP_ENV: "demo", NEXTAUTH_SECRET: undefined, DATABASE_URL: undefined })).toEqual([]);
  });

  it("the seed refuses a database unless APP_ENV=demo, and writes nothing", async () => {
    const before = await db().user.count();
    const r = cli(["prisma/seed.ts"], { DATABASE_URL: process.env.DATABASE_URL });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("только при APP_ENV=demo");
    expect(await db().user.count()).toBe(before);
  });

  it("npm start on a server database with a placeholder secret stops before touching it", () => {
    const r = cli(["lib/cli/start.ts"], {
      DATABASE_URL: process.env.DATABASE_URL,
      NEXTAUTH_SECRET: "change-me-to-32-random-bytes-0123456789",
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "mcu-start-")),
      PORT: "3999",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("NEXTAUTH_SECRET похож на пример");
    expect(r.stdout).not.toContain("рабочее место");
  });

  it("the web server refuses to start in production with a short secret or without a database", () => {
    const short = cli(["lib/cli/web.ts", "-p", "3998"], {
      APP_ENV: "production",
      NEXTAUTH_SECRET: "too-short",
      DATABASE_URL: process.env.DATABASE_URL,
    });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("NEXTAUTH_SECRET короче 32");
    const noDb = cli(["lib/cli/web.ts", "-p", "3998"], {
      APP_ENV: "production",
      NEXTAUTH_SECRET: GOOD_SECRET,
      DATABASE_URL: undefined,
    });
    expect(noDb.status).toBe(1);
    expect(noDb.stderr).toContain("DATABASE_URL не задан");
  });

  it("user:admin creates the first МЦУ head of a real install with a one-time random password", async () => {
    const login = `admin_${Date.now().toString(36)}`;
    const r = cli(["lib/cli/create-admin.ts", "--login", login, "--name", "Петрова Анна Сергеевна"], {
      DATABASE_URL: process.env.DATABASE_URL,
    });
    expect(r.status, r.stderr).toBe(0);
    const password = /Пароль \(показан один раз\): (\S+)/.exec(r.stdout)?.[1];
    expect(password).toMatch(/^[\w-]{20}$/);
    const signIn = await verifyCredentials({ login, password });
    expect(signIn.ok && signIn.user.role).toBe("mcu_head");
    const again = cli(["lib/cli/create-admin.ts", "--login", login], { DATABASE_URL: process.env.DATABASE_URL });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("уже есть");
  });
});
