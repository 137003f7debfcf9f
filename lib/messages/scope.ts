import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";

/** The messages a user may see. It goes into every `where`, so an id from another block simply
 * is not found. */
export function messageScope(user: CurrentUser): Prisma.MessageWhereInput {
  switch (user.role) {
    case "block_head":
      return { blockId: user.blockId ?? -1 };
    case "block_curator":
      return { blockId: { in: user.curatedBlockIds } };
    default:
      return {};
  }
}
