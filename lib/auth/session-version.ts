import "server-only";
import { db, type Tx } from "@/lib/db";

/** Ends every session of the user: tokens carry the version they were issued with, and
 * lib/auth/session.ts refuses one that is behind. Called on sign-out, password change, role
 * change and the administrator's «Завершить все сеансы». */
export async function endSessions(userId: number, tx?: Tx): Promise<void> {
  await (tx ?? db()).$executeRaw`UPDATE users SET session_version = session_version + 1 WHERE id = ${userId}`;
}
