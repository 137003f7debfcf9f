import { defineConfig } from "@playwright/test";
import { E2E_SECRET } from "./tests/e2e/secret";
import { refuseRemoteDatabase } from "./tests/support/local-db";

// The specs and the web server write to DATABASE_URL: only a database on this machine.
refuseRemoteDatabase(process.env.DATABASE_URL, "DATABASE_URL");

const port = Number(process.env.E2E_PORT ?? 3100);

// Run through `npm test` (tests/run-all.sh), which gives the server and the specs one seeded
// throwaway database via DATABASE_URL.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "ru-RU",
    timezoneId: "Asia/Sakhalin",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx lib/cli/web.ts -p ${port}`,
      url: `http://localhost:${port}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        NEXTAUTH_URL: `http://localhost:${port}`,
        NEXTAUTH_SECRET: E2E_SECRET,
        // The test database holds demo data; a non-demo install would refuse the test secret.
        APP_ENV: "demo",
        DB_POOL_SIZE: process.env.TEST_DB_KIND === "embedded" ? "4" : "10",
        // One process: the per-process memos (preset counts, filter options) then never lag a
        // change the test has just made through another process.
        WEB_CONCURRENCY: "1",
      },
    },
    {
      // The channel simulators (pos on 4101 = the seed's channels.base_url): answers released in the
      // workflow specs really go through the ПОС adapter to a server.
      command: "npx tsx lib/cli/simulators.ts",
      url: "http://127.0.0.1:4101/health",
      timeout: 60_000,
      reuseExistingServer: true,
    },
  ],
});
