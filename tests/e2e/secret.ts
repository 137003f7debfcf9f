// The session secret of the e2e web server; the sign-in fixture (helpers.ts) encrypts its session
// cookies with it. A demo-only value: production start-up refuses anything that looks like it.
export const E2E_SECRET = process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789";
