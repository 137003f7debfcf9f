import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDeadlineCli } from "../cli/deadline";
import { DEFAULT_POLICIES } from "./policies";

const ROOT = path.resolve(import.meta.dirname, "../..");

function spawnCli(args: string[]) {
  const result = spawnSync("npx", ["tsx", "lib/cli/deadline.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  const lines = result.stdout.trimEnd().split("\n");
  return { status: result.status, lastLine: lines[lines.length - 1], stderr: result.stderr };
}

async function runInProcess(args: string[], options: Parameters<typeof runDeadlineCli>[1] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeadlineCli(args, { ...options, io: { out: (l) => out.push(l), err: (l) => err.push(l) } });
  return { code, out, err };
}

describe("deadline CLI (spawned)", () => {
  it("prints the due local date as the last line", () => {
    const fz59 = spawnCli(["--regime", "fz59", "--registered", "2026-03-02T13:30:00Z"]);
    expect(fz59.status).toBe(0);
    expect(fz59.lastLine).toBe("2026-04-02");
    const pos = spawnCli(["--regime", "pos_message", "--registered", "2025-12-30T05:00:00Z"]);
    expect(pos.status).toBe(0);
    expect(pos.lastLine).toBe("2026-01-23");
  }, 60_000);

  it("runs through the npm script", () => {
    const result = spawnSync(
      "npm",
      ["run", "--silent", "deadline", "--", "--regime", "portal", "--registered", "2026-03-02T12:59:00Z"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("2026-03-17");
  }, 60_000);

  it("exits non-zero with a message on bad input", () => {
    const badRegime = spawnCli(["--regime", "nope", "--registered", "2026-03-02T13:30:00Z"]);
    expect(badRegime.status).toBe(2);
    expect(badRegime.stderr).toMatch(/regime/);
    const badDate = spawnCli(["--regime", "fz59", "--registered", "yesterday"]);
    expect(badDate.status).toBe(2);
  }, 60_000);
});

describe("deadline CLI (in process)", () => {
  it("rejects missing, offset-less and impossible instants", async () => {
    expect((await runInProcess(["--regime", "fz59"])).code).toBe(2);
    expect((await runInProcess(["--regime", "fz59", "--registered", "2026-03-02T10:00"])).code).toBe(2);
    expect((await runInProcess(["--regime", "fz59", "--registered", "2026-02-30T10:00:00Z"])).code).toBe(2);
    expect((await runInProcess(["--regime", "fz59", "--registered", "2026-03-02T10:00:00Z", "--oops"])).code).toBe(2);
  });

  it("accepts an explicit offset", async () => {
    // 00:30 on 3 March Sakhalin time = 13:30Z on 2 March.
    const result = await runInProcess(["--regime", "fz59", "--registered", "2026-03-03T00:30:00+11:00"]);
    expect(result.code).toBe(0);
    expect(result.out.at(-1)).toBe("2026-04-02");
  });

  it("uses a policy passed in instead of the defaults", async () => {
    const result = await runInProcess(["--regime", "portal", "--registered", "2026-04-30T01:00:00Z"], {
      resolvePolicy: () => ({ ...DEFAULT_POLICIES.portal, answerDays: 5 }),
    });
    // After 30.04.2026: 04, 05, 06, 07, 08 May.
    expect(result.out.at(-1)).toBe("2026-05-08");
  });
});
