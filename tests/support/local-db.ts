// The test suite creates, fills and drops databases: it must never be pointed at a server other
// than this machine's (a production DATABASE_URL left in the shell, a remote TEST_PG_ADMIN_URL).
// Every test entry point (tests/with-test-db.ts, the vitest global setup, playwright.config.ts)
// asks remoteDatabaseProblem() first; TEST_ALLOW_REMOTE_DB=1 is the explicit opt-in.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1"]);
const NO_HOST = "no-host.invalid";

/** The server hosts a PostgreSQL connection string connects to, as the pg driver reads it: the
 * `host` query parameter wins over the authority, several hosts may be comma-separated, and no
 * host at all means PGHOST or the local default. A host starting with "/" is a unix socket. */
export function databaseHosts(url: string, pgHost: string | undefined = undefined): string[] {
  // "/path/to/socket dbname": the driver's socket shorthand.
  if (url.startsWith("/")) return [url.split(" ")[0]];
  // An empty authority ("postgresql://user@/db?host=/run/postgresql") is valid for the driver but
  // not for URL: give it a placeholder host that means "none".
  const u = new URL(url.replace(/^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?)(?=[/?#]|$)/i, `$1${NO_HOST}`));
  const fromQuery = u.searchParams.get("host");
  const raw = fromQuery ?? (u.hostname === NO_HOST ? "" : decodeURIComponent(u.hostname));
  const hosts = raw
    .split(",")
    .map((h) => h.trim().replace(/^\[(.*)\]$/, "$1"))
    .filter(Boolean);
  if (hosts.length) return hosts;
  return pgHost
    ? pgHost
        .split(",")
        .map((h) => h.trim())
        .filter(Boolean)
    : ["localhost"];
}

export function isLocalHost(host: string): boolean {
  return host.startsWith("/") || LOCAL_HOSTS.has(host.toLowerCase());
}

/** Why the tests must not run against this database (null = they may): a host that is not this
 * machine, or a connection string that cannot be read, unless TEST_ALLOW_REMOTE_DB=1. */
export function remoteDatabaseProblem(
  url: string,
  what: string,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (env.TEST_ALLOW_REMOTE_DB === "1") return null;
  let hosts: string[];
  try {
    hosts = databaseHosts(url, env.PGHOST);
  } catch {
    return `[tests] ${what} не читается как адрес PostgreSQL; тесты не запущены.`;
  }
  const remote = hosts.filter((h) => !isLocalHost(h));
  if (!remote.length) return null;
  return (
    `[tests] ${what} указывает на сервер ${remote.join(", ")}, а не на этот компьютер (localhost, 127.0.0.1, ::1, unix-сокет). ` +
    "Тесты создают, заполняют и удаляют базы данных, поэтому не запущены. " +
    "Если это действительно тестовый сервер, задайте TEST_ALLOW_REMOTE_DB=1."
  );
}

/** Stops the process with the problem (exit code 2) when the database is not local. */
export function refuseRemoteDatabase(url: string | undefined, what: string): void {
  if (!url) return;
  const problem = remoteDatabaseProblem(url, what);
  if (problem) {
    console.error(problem);
    process.exit(2);
  }
}
