// Sign-in under attack: parallel guessing, guessing from one address, telling logins apart, and
// sessions that must end. Each test uses its own users and its own client address.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LOCK_MINUTES, verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/passwords";
import { loadUser } from "@/lib/auth/session";
import { endSessions } from "@/lib/auth/session-version";
import { MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/throttle";
import { ensureSeeded } from "../support/seeded";

const PASSWORD = "верный-пароль-2026";
let hash = "";

beforeAll(async () => {
  await ensureSeeded();
  hash = await hashPassword(PASSWORD);
});

async function newUser(): Promise<{ id: number; login: string }> {
  const login = `t_${randomUUID().slice(0, 8)}`;
  return db().user.create({
    data: { login, fullName: "Проверочный Пользователь", role: "coordinator", passwordHash: hash },
    select: { id: true, login: true },
  });
}

const address = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("account lock under concurrency", () => {
  it("20 wrong passwords at once lock the account; the right one is refused until the lock expires", async () => {
    const u = await newUser();
    const t0 = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifyCredentials({ login: u.login, password: "неверный" }, t0)),
    );
    // A wrong password never reveals the lock.
    expect(results.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.failedLogins).toBe(20);
    expect(row.lockedUntil).toEqual(new Date(t0.getTime() + LOCK_MINUTES * 60_000));
    expect(await db().auditLog.count({ where: { actorId: u.id, action: "account_locked" } })).toBe(1);
    expect(await db().auditLog.count({ where: { actorId: u.id, action: "login_failed" } })).toBe(19);

    const during = await verifyCredentials(
      { login: u.login, password: PASSWORD },
      new Date(t0.getTime() + 14 * 60_000),
    );
    expect(during).toEqual({ ok: false, reason: "locked", lockedUntil: row.lockedUntil });
    const after = await verifyCredentials(
      { login: u.login, password: PASSWORD },
      new Date(t0.getTime() + LOCK_MINUTES * 60_000 + 1000),
    );
    expect(after.ok).toBe(true);
    const reset = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect([reset.failedLogins, reset.lockedUntil]).toEqual([0, null]);
  });

  it("after a lock expires, the count starts afresh", async () => {
    const u = await newUser();
    const t0 = new Date("2026-12-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await verifyCredentials({ login: u.login, password: "x" }, t0);
    const later = new Date(t0.getTime() + (LOCK_MINUTES + 1) * 60_000);
    await verifyCredentials({ login: u.login, password: "x" }, later);
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.failedLogins).toBe(1);
    expect(row.lockedUntil).toBeNull();
  });
});

describe("limit per client address", () => {
  it("counts failures across logins, refuses the 21st even with a right password, and only from that address", async () => {
    const ip = address();
    const victim = await newUser();
    const t0 = new Date();
    // Sprayed over many logins, known or not, at once.
    const logins = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? victim.login : `nobody_${i}`));
    const results = await Promise.all(logins.map((login) => verifyCredentials({ login, password: "x" }, t0, ip)));
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - MAX_FAILURES_PER_ADDRESS);
    const refused = await verifyCredentials({ login: victim.login, password: PASSWORD }, t0, ip);
    expect(refused).toEqual({ ok: false, reason: "throttled" });
    expect(await db().auditLog.count({ where: { action: "login_throttled", ip } })).toBeGreaterThanOrEqual(11);
    // Another address is not affected by this one's failures (the victim is locked, though).
    const other = await newUser();
    expect((await verifyCredentials({ login: other.login, password: PASSWORD }, t0, address())).ok).toBe(true);
    // The window passes.
    const later = new Date(t0.getTime() + 16 * 60_000);
    expect((await verifyCredentials({ login: other.login, password: PASSWORD }, later, ip)).ok).toBe(true);
  });

  it("does not count successful sign-ins", async () => {
    const ip = address();
    const u = await newUser();
    const t0 = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 5; i++) {
      expect((await verifyCredentials({ login: u.login, password: PASSWORD }, t0, ip)).ok).toBe(true);
    }
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { ip } });
    expect(row.failures).toBe(0);
  });
});

describe("logins cannot be told apart", () => {
  it("unknown login costs a password comparison, says the same as a wrong password and is audited with the address", async () => {
    const u = await newUser();
    const ip = address();
    const time = async (login: string) => {
      const start = performance.now();
      const r = await verifyCredentials({ login, password: "неверный" }, new Date(), ip);
      return { r, ms: performance.now() - start };
    };
    const known = [],
      unknown = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(u.login));
      unknown.push(await time(`nobody_${randomUUID().slice(0, 6)}`));
    }
    for (const x of [...known, ...unknown]) expect(x.r).toEqual({ ok: false, reason: "invalid" });
    const median = (xs: { ms: number }[]) => xs.map((x) => x.ms).sort((a, b) => a - b)[1];
    // Both run one bcrypt comparison (tens of milliseconds); before the fix an unknown login
    // answered several times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    const entries = await db().auditLog.findMany({ where: { action: "login_failed", actorId: null, ip } });
    expect(entries).toHaveLength(3);
    expect(entries[0].data).toMatchObject({ login: expect.stringMatching(/^nobody_/) });
    const own = await db().auditLog.findMany({ where: { action: "login_failed", actorId: u.id } });
    expect(own.every((e) => e.ip === ip)).toBe(true);
  });

  it("a locked account answers a wrong password exactly like an unknown login", async () => {
    const u = await newUser();
    const t0 = new Date();
    for (let i = 0; i < 5; i++) await verifyCredentials({ login: u.login, password: "x" }, t0);
    expect(await verifyCredentials({ login: u.login, password: "x" }, t0)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ login: "nobody_at_all", password: "x" }, t0)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("session version", () => {
  it("a session issued before endSessions is no longer accepted; a new sign-in carries the new version", async () => {
    const u = await newUser();
    const first = await verifyCredentials({ login: u.login, password: PASSWORD });
    if (!first.ok) throw new Error("sign-in failed");
    expect(await loadUser(u.id, first.user.sessionVersion)).not.toBeNull();
    await endSessions(u.id);
    expect(await loadUser(u.id, first.user.sessionVersion)).toBeNull();
    const second = await verifyCredentials({ login: u.login, password: PASSWORD });
    if (!second.ok) throw new Error("sign-in failed");
    expect(second.user.sessionVersion).toBe(first.user.sessionVersion + 1);
    expect(await loadUser(u.id, second.user.sessionVersion)).not.toBeNull();
  });
});
