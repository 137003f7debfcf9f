import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { PROBLEM_STATUSES, type ProblemStatusCode } from "./labels";
import { lockProblem } from "./lock";

const schema = z.object({
  problemId: idSchema,
  status: z.enum(PROBLEM_STATUSES as [ProblemStatusCode, ...ProblemStatusCode[]], "Выберите статус."),
});

/** The problem's own status (open, in work, resolved, dismissed); the messages keep theirs. */
export async function setProblemStatus(user: CurrentUser, raw: unknown): Promise<void> {
  assertCan(user, "problem.edit");
  const input = parseInput(schema, raw);
  await db().$transaction(async (tx) => {
    const p = await lockProblem(tx, input.problemId);
    if (p.status === input.status) return;
    await tx.problem.update({ where: { id: p.id }, data: { status: input.status } });
    await audit(
      {
        actorId: user.id,
        action: "problem.status",
        entity: "problem",
        entityId: p.id,
        data: { from: p.status, to: input.status },
      },
      tx,
    );
  });
}
