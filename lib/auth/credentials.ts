import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "./passwords";
import type { RoleCode } from "./roles";
import { releaseAttempt, reserveAttempt } from "./throttle";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export const credentialsSchema = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export type SessionUserData = {
  id: number;
  name: string;
  login: string;
  role: RoleCode;
  blockId: number | null;
  sessionVersion: number;
};

export type CredentialsResult =
  | { ok: true; user: SessionUserData }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

// A bcrypt hash (cost 10, as for real passwords) of a random string nobody knows: an unknown login
// costs the same comparison as a known one, so the answer time does not tell which logins exist.
const DUMMY_HASH = "$2b$10$/0u7hYAb04py81WfxHZyMOVyI0VeuDNlcyc.q3sdEcmCQM.N7YRZe";

/**
 * Checks a login and password. Unknown login, wrong password and a locked account all answer
 * «invalid» — the lock is told only to someone who gave the right password. Failures are counted
 * in one UPDATE, so parallel attempts cannot slip past the lock (5 in a row lock for 15 minutes);
 * `ip` (when known) is limited to 20 failed attempts per 15 minutes across all logins.
 */
export async function verifyCredentials(
  input: unknown,
  now = new Date(),
  ip: string | null = null,
): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { login, password } = parsed.data;
  if (ip && !(await reserveAttempt(ip, now))) {
    await audit(null, "login_throttled", ip, { login });
    return { ok: false, reason: "throttled" };
  }
  const user = await db().user.findUnique({ where: { login }, omit: { passwordHash: false } });
  const good = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active) {
    await audit(null, "login_failed", ip, { login });
    return { ok: false, reason: "invalid" };
  }
  if (!good) {
    const failed = await countFailure(user.id, now);
    await audit(user.id, failed === MAX_FAILED_LOGINS ? "account_locked" : "login_failed", ip);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit(user.id, "login_refused_locked", ip);
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  }
  if (ip) await releaseAttempt(ip);
  await db().user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  await audit(user.id, "login", ip);
  return {
    ok: true,
    user: {
      id: user.id,
      name: user.fullName,
      login: user.login,
      role: user.role,
      blockId: user.blockId,
      sessionVersion: user.sessionVersion,
    },
  };
}

/** One failed password, counted atomically: the row lock orders concurrent updates and each sees
 * the previous one's count. A lock that has expired starts a fresh count; the attempt that reaches
 * 5 sets the lock, later ones while it holds leave it as it is. Returns the new count. */
async function countFailure(userId: number, now: Date): Promise<number> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const [row] = await db().$queryRaw<{ failed_logins: number }[]>`
    UPDATE users SET
      failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 1 ELSE failed_logins + 1 END,
      locked_until = CASE
        WHEN locked_until > ${now} THEN locked_until
        WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 1 ELSE failed_logins + 1 END) >= ${MAX_FAILED_LOGINS}
          THEN ${lockUntil}
        ELSE NULL END
    WHERE id = ${userId}
    RETURNING failed_logins`;
  return row.failed_logins;
}

async function audit(actorId: number | null, action: string, ip: string | null, data?: { login: string }) {
  await db().auditLog.create({
    data: { actorId, action, entity: "user", entityId: actorId == null ? null : String(actorId), ip, data },
  });
}
