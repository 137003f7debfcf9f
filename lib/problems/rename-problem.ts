import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { lockProblem } from "./lock";

export const problemTitleSchema = text({
  max: TEXT_LIMITS.title,
  min: 3,
  minMessage: "Название не короче 3 символов.",
});
const schema = z.object({ problemId: idSchema, title: problemTitleSchema });

export async function renameProblem(user: CurrentUser, raw: unknown): Promise<void> {
  assertCan(user, "problem.edit");
  const input = parseInput(schema, raw);
  await db().$transaction(async (tx) => {
    const p = await lockProblem(tx, input.problemId);
    if (p.title === input.title) return;
    await tx.problem.update({ where: { id: p.id }, data: { title: input.title } });
    await audit(
      {
        actorId: user.id,
        action: "problem.rename",
        entity: "problem",
        entityId: p.id,
        data: { from: p.title, to: input.title },
      },
      tx,
    );
  });
}
