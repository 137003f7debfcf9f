import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { lockProblem } from "./lock";
import { refreshProblemSpan } from "./store";

const schema = z.object({ problemId: idSchema, messageId: idSchema });

/** Detaches a message; its membership row stays with detached_at / detached_by, and automatic
 * grouping never puts it back (it only considers messages that were never in a problem). */
export async function detachMessage(user: CurrentUser, raw: unknown): Promise<void> {
  assertCan(user, "problem.edit");
  const input = parseInput(schema, raw);
  await db().$transaction(async (tx) => {
    const p = await lockProblem(tx, input.problemId);
    const done = await tx.problemMessage.updateMany({
      where: { problemId: p.id, messageId: input.messageId, detachedAt: null },
      data: { detachedAt: new Date(), detachedById: user.id },
    });
    if (done.count === 0) throw new AppError("not_found", `Сообщение № ${input.messageId} не входит в эту проблему.`);
    await refreshProblemSpan(tx, p.id);
    await audit(
      {
        actorId: user.id,
        action: "problem.detach",
        entity: "problem",
        entityId: p.id,
        data: { messageId: input.messageId },
      },
      tx,
    );
  });
}
