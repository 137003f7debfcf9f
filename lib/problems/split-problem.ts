import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { lockProblem } from "./lock";
import { problemTitleSchema } from "./rename-problem";
import { createProblem, refreshProblemSpan } from "./store";

const schema = z.object({
  problemId: idSchema,
  title: problemTitleSchema,
  messageIds: z.array(idSchema).min(1, "Отметьте сообщения, которые выделить в новую проблему.").max(10_000),
});

/** Moves the chosen messages into a new problem (same topic and place); at least one message
 * stays. The old memberships are closed, not deleted. */
export async function splitProblem(user: CurrentUser, raw: unknown): Promise<{ id: number }> {
  assertCan(user, "problem.edit");
  const input = parseInput(schema, raw);
  return db().$transaction(async (tx) => {
    const p = await lockProblem(tx, input.problemId);
    const chosen = [...new Set(input.messageIds)];
    const active = await tx.problemMessage.findMany({
      where: { problemId: p.id, detachedAt: null },
      select: { messageId: true },
    });
    const activeIds = new Set(active.map((a) => a.messageId));
    const foreign = chosen.filter((id) => !activeIds.has(id));
    if (foreign.length)
      throw new AppError(
        "invalid_input",
        `Сообщения ${foreign.map((id) => `№ ${id}`).join(", ")} не входят в эту проблему.`,
      );
    if (chosen.length >= activeIds.size)
      throw new AppError("invalid_input", "Хотя бы одно сообщение должно остаться в проблеме — отметьте не все.");
    await tx.problemMessage.updateMany({
      where: { problemId: p.id, messageId: { in: chosen }, detachedAt: null },
      data: { detachedAt: new Date(), detachedById: user.id },
    });
    const created = await createProblem(tx, {
      title: input.title,
      topicId: p.topic_id,
      locality: p.locality,
      address: p.address,
      messageIds: chosen,
      origin: "manual",
      createdById: user.id,
    });
    await refreshProblemSpan(tx, p.id);
    await audit(
      {
        actorId: user.id,
        action: "problem.split",
        entity: "problem",
        entityId: p.id,
        data: { into: created.id, messageIds: chosen },
      },
      tx,
    );
    return created;
  });
}
