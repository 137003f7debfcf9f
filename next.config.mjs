/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The desk's web server (lib/cli/web.ts) gzips each finished response itself (lib/http/compress-response.ts).
  compress: false,
  // The embedded database and Prisma's generated client stay on the server as plain Node modules.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "@prisma/adapter-pg",
    "bcryptjs",
    "pg-boss",
  ],
  typedRoutes: false,
  // A separate build folder (NEXT_DIST_DIR) lets a second build run beside the main one, e.g. while
  // developing e2e specs on another port; `next start` reads the same variable.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};
export default nextConfig;
