import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { idSchema, parseInput } from "@/lib/workflow/validate";

const schema = z.union([z.object({ all: z.literal(true) }), z.object({ ids: z.array(idSchema).min(1).max(500) })]);

/** Marks the user's own notifications read; ids of other users' notifications match nothing. */
export async function markRead(user: CurrentUser, raw: unknown): Promise<number> {
  const input = parseInput(schema, raw);
  const res = await db().notification.updateMany({
    where: { userId: user.id, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return res.count;
}
