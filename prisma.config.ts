import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate` here (migrations are applied by lib/cli/migrate.ts),
// so the datasource URL is optional.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
