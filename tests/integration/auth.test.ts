import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials, LOCK_MINUTES } from "@/lib/auth/credentials";
import { loadUser } from "@/lib/auth/session";
import { getMessage } from "@/lib/messages/get-message";
import { listMessages } from "@/lib/messages/list-messages";
import { DEMO_PASSWORD } from "@/lib/seed/reference";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { ensureSeeded } from "../support/seeded";
import { makeUser } from "./workflow-support";

beforeAll(async () => {
  await ensureSeeded();
});

describe("sign-in", () => {
  it("stores only a bcrypt hash and never returns it by default", async () => {
    const u = await db().user.findUniqueOrThrow({ where: { login: "coordinator" } });
    expect("passwordHash" in u).toBe(false);
    const withHash = await db().user.findUniqueOrThrow({
      where: { login: "coordinator" },
      omit: { passwordHash: false },
    });
    expect(withHash.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(withHash.passwordHash).not.toContain(DEMO_PASSWORD);
  });

  it("accepts the right password and carries role and block", async () => {
    const r = await verifyCredentials({ login: "head_zhkh", password: DEMO_PASSWORD });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const block = await db().block.findUniqueOrThrow({ where: { code: "zhkh" } });
      expect(r.user).toMatchObject({ login: "head_zhkh", role: "block_head", blockId: block.id });
    }
  });

  it("locks an account for 15 minutes after 5 failures, refuses even the right password, then lets it in", async () => {
    // An account of its own: locking a demo account would lock it for every other test file.
    const { login } = await makeUser({ passwordHash: await hashPassword(DEMO_PASSWORD) });
    const t0 = new Date("2026-11-27T01:00:00Z");
    for (let i = 0; i < 4; i++)
      expect(await verifyCredentials({ login, password: "nope" }, t0)).toEqual({ ok: false, reason: "invalid" });
    // The fifth failure locks, but a wrong password never tells so.
    expect(await verifyCredentials({ login, password: "nope" }, t0)).toEqual({ ok: false, reason: "invalid" });
    const during = await verifyCredentials({ login, password: DEMO_PASSWORD }, new Date(t0.getTime() + 14 * 60_000));
    expect(during).toEqual({
      ok: false,
      reason: "locked",
      lockedUntil: new Date(t0.getTime() + LOCK_MINUTES * 60_000),
    });
    const after = await verifyCredentials({ login, password: DEMO_PASSWORD }, new Date(t0.getTime() + 16 * 60_000));
    expect(after.ok).toBe(true);
    const u = await db().user.findUniqueOrThrow({ where: { login } });
    expect(u.failedLogins).toBe(0);
    expect(u.lockedUntil).toBeNull();
    const audit = await db().auditLog.count({ where: { actorId: u.id, action: "account_locked" } });
    expect(audit).toBe(1);
  });

  it("rejects malformed input and unknown users without revealing which", async () => {
    expect(await verifyCredentials({ login: "", password: "x" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ login: "nobody", password: "x" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(null)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("block scoping in the data layer", () => {
  it("a block head sees only the block's messages and gets not-found for another block's", async () => {
    const head = (await loadUser((await db().user.findUniqueOrThrow({ where: { login: "head_zhkh" } })).id))!;
    const list = await listMessages(head, { perPage: "100" });
    const own = await db().message.count({ where: { blockId: head.blockId } });
    expect(list.count).toBe(own);
    const foreign = await db().message.findFirstOrThrow({ where: { block: { code: "edu" } } });
    await expect(getMessage(head, foreign.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getMessage(head, "not-a-number")).rejects.toBeInstanceOf(AppError);
    const mine = await db().message.findFirstOrThrow({ where: { blockId: head.blockId } });
    expect((await getMessage(head, mine.id)).id).toBe(mine.id);
  });

  it("a block curator sees the curated blocks only; the МЦУ curator sees no personal data", async () => {
    const cur = (await loadUser((await db().user.findUniqueOrThrow({ where: { login: "curator_economy" } })).id))!;
    const curated = await db().blockCurator.findMany({ where: { userId: cur.id }, orderBy: { blockId: "asc" } });
    expect(curated.length).toBeGreaterThan(0);
    expect(cur.curatedBlockIds).toEqual(curated.map((c) => c.blockId));
    const list = await listMessages(cur, { perPage: "100" });
    expect(list.count).toBe(await db().message.count({ where: { blockId: { in: cur.curatedBlockIds } } }));
    const mcu = (await loadUser((await db().user.findUniqueOrThrow({ where: { login: "mcu_curator" } })).id))!;
    const m = await db().message.findFirstOrThrow({ where: { authorName: { not: null } } });
    const before = await db().auditLog.count({ where: { action: "personal_data_read" } });
    expect((await getMessage(mcu, m.id)).author).toBeNull();
    expect(await db().auditLog.count({ where: { action: "personal_data_read" } })).toBe(before);
  });
});
