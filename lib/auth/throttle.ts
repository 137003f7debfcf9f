import "server-only";
import { db } from "@/lib/db";

/** Failed sign-ins allowed from one client address per window, across all logins. */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MINUTES = 15;

/**
 * Reserves one attempt for the address: counts it as a failure in one statement (a window older
 * than 15 minutes starts afresh) and says whether the address is still within its limit. A
 * successful sign-in gives the attempt back (releaseAttempt), so only failures count. Reserving
 * before checking the password keeps the limit exact under concurrent requests.
 */
export async function reserveAttempt(ip: string, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000);
  const [row] = await db().$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttle (ip, failures, window_start) VALUES (${ip}, 1, ${now})
    ON CONFLICT (ip) DO UPDATE SET
      failures = CASE WHEN login_throttle.window_start <= ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END,
      window_start = CASE WHEN login_throttle.window_start <= ${windowStart} THEN ${now} ELSE login_throttle.window_start END
    RETURNING failures`;
  return row.failures <= MAX_FAILURES_PER_ADDRESS;
}

export async function releaseAttempt(ip: string): Promise<void> {
  await db().$executeRaw`UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE ip = ${ip}`;
}
