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

const schema = z.object({
  problemId: idSchema,
  targetId: z.coerce
    .number({ error: "Укажите номер проблемы." })
    .int("Номер проблемы — целое число.")
    .positive("Укажите номер проблемы.")
    .max(2_147_483_647, "Такого номера нет."),
});

/**
 * Merges `problemId` into `targetId`: the source keeps its row with merged_into_id, its active
 * memberships are closed (detached_at / detached_by) and reopened in the target, so both
 * problems' histories show the move.
 */
export async function mergeProblems(user: CurrentUser, raw: unknown): Promise<{ moved: number }> {
  assertCan(user, "problem.edit");
  const input = parseInput(schema, raw);
  if (input.problemId === input.targetId)
    throw new AppError("invalid_input", "Нельзя объединить проблему саму с собой.", {
      targetId: ["Укажите другую проблему."],
    });
  return db().$transaction(async (tx) => {
    // Both rows are locked in id order, so two opposite merges cannot deadlock.
    const [first, second] = [input.problemId, input.targetId].sort((a, b) => a - b);
    const locked = new Map([
      [first, await lockProblem(tx, first)],
      [second, await lockProblem(tx, second)],
    ]);
    const source = locked.get(input.problemId)!;
    const now = new Date();
    const moved = await tx.$queryRaw<{ message_id: number }[]>`
      UPDATE problem_messages SET detached_at = ${now}, detached_by_id = ${user.id}
      WHERE problem_id = ${source.id} AND detached_at IS NULL RETURNING message_id`;
    const ids = moved.map((r) => r.message_id).sort((a, b) => a - b);
    if (ids.length) {
      await tx.problemMessage.createMany({
        data: ids.map((messageId) => ({ problemId: input.targetId, messageId, addedById: user.id, addedAt: now })),
      });
    }
    await tx.problem.update({ where: { id: source.id }, data: { mergedIntoId: input.targetId } });
    await refreshProblemSpan(tx, input.targetId);
    await audit(
      {
        actorId: user.id,
        action: "problem.merge",
        entity: "problem",
        entityId: source.id,
        data: { into: input.targetId, messageIds: ids },
      },
      tx,
    );
    return { moved: ids.length };
  });
}
