import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";

/** The block head's own block, for the heading of «Сообщения блока»; null when none is assigned. */
export async function ownBlock(user: CurrentUser): Promise<{ name: string } | null> {
  assertCan(user, "block.read");
  if (!user.blockId) return null;
  return db().block.findUnique({ where: { id: user.blockId }, select: { name: true } });
}
