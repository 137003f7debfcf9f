// The test suite refuses a database that is not on this machine (tests/support/local-db.ts) unless
// TEST_ALLOW_REMOTE_DB=1: the tests create, fill and drop databases.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseHosts, remoteDatabaseProblem } from "../support/local-db";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("test database host check", () => {
  it("reads the hosts the pg driver would connect to", () => {
    expect(databaseHosts("postgresql://postgres@127.0.0.1:5432/mcu")).toEqual(["127.0.0.1"]);
    expect(databaseHosts("postgresql://u:p@[::1]:5432/mcu")).toEqual(["::1"]);
    expect(databaseHosts("postgresql://u@/mcu?host=/var/run/postgresql")).toEqual(["/var/run/postgresql"]);
    expect(databaseHosts("postgresql://%2Ftmp/mcu")).toEqual(["/tmp"]);
    expect(databaseHosts("postgresql:///mcu")).toEqual(["localhost"]);
    expect(databaseHosts("postgresql:///mcu", "db.example.com")).toEqual(["db.example.com"]);
    // The host parameter wins over the authority, as in the driver.
    expect(databaseHosts("postgresql://127.0.0.1/mcu?host=db.example.com")).toEqual(["db.example.com"]);
    expect(databaseHosts("postgresql://localhost,db2.example.com/mcu")).toEqual(["localhost", "db2.example.com"]);
  });

  it("lets local servers and unix sockets through and refuses any other host unless opted in", () => {
    for (const url of [
      "postgresql://postgres@localhost/x",
      "postgresql://postgres@127.0.0.1:5432/x",
      "postgresql://[::1]/x",
      "postgresql://u@/x?host=/tmp",
    ]) {
      expect(remoteDatabaseProblem(url, "DATABASE_URL", {})).toBeNull();
    }
    for (const url of [
      "postgresql://u:p@db.example.com/mcu",
      "postgresql://u@10.0.0.5/mcu",
      "postgresql://127.0.0.1/x?host=prod-db",
      "postgresql://localhost,db2/x",
    ]) {
      expect(remoteDatabaseProblem(url, "DATABASE_URL", {})).toMatch(
        /^\[tests\] DATABASE_URL указывает на сервер .+TEST_ALLOW_REMOTE_DB=1\.$/,
      );
      expect(remoteDatabaseProblem(url, "DATABASE_URL", { TEST_ALLOW_REMOTE_DB: "1" })).toBeNull();
    }
    expect(remoteDatabaseProblem("not a url", "DATABASE_URL", {})).toBe(
      "[tests] DATABASE_URL не читается как адрес PostgreSQL; тесты не запущены.",
    );
  });

  it("tests/with-test-db.ts stops with exit code 2 before connecting to a remote server", () => {
    const r = spawnSync("npx", ["tsx", "tests/with-test-db.ts", "--", "node", "-e", "console.log('ran')"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        TEST_PG_ADMIN_URL: "postgresql://postgres@db.example.com:5432/postgres",
        TEST_ALLOW_REMOTE_DB: "",
      },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("[tests] TEST_PG_ADMIN_URL указывает на сервер db.example.com");
    expect(r.stdout).not.toContain("ran");
  }, 30_000);
});
