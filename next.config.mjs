/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded database and Prisma's generated client stay on the server as plain Node modules.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg", "bcryptjs", "pg-boss"],
  typedRoutes: false,
};
export default nextConfig;
