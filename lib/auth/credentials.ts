import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "./passwords";
import type { RoleCode } from "./roles";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export const credentialsSchema = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export type SessionUserData = { id: number; name: string; login: string; role: RoleCode; blockId: number | null };

export type CredentialsResult =
  | { ok: true; user: SessionUserData }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

/** Checks a login and password; 5 failures in a row lock the account for 15 minutes. */
export async function verifyCredentials(input: unknown, now = new Date()): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { login, password } = parsed.data;
  const user = await db().user.findUnique({ where: { login }, omit: { passwordHash: false } });
  if (!user || !user.active) return { ok: false, reason: "invalid" };
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit(user.id, "login_refused_locked");
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  }
  const good = await verifyPassword(password, user.passwordHash);
  if (!good) {
    // A lock that has expired starts a fresh count.
    const prior = user.lockedUntil && user.lockedUntil <= now ? 0 : user.failedLogins;
    const failed = prior + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db().user.update({
      where: { id: user.id },
      data: { failedLogins: lockedUntil ? 0 : failed, lockedUntil },
    });
    await audit(user.id, lockedUntil ? "account_locked" : "login_failed");
    return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "invalid" };
  }
  await db().user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  await audit(user.id, "login");
  return { ok: true, user: { id: user.id, name: user.fullName, login: user.login, role: user.role, blockId: user.blockId } };
}

async function audit(actorId: number, action: string) {
  await db().auditLog.create({ data: { actorId, action, entity: "user", entityId: String(actorId) } });
}
