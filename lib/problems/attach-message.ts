import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage } from "@/lib/workflow/guards";
import { parseInput } from "@/lib/workflow/validate";
import { lockProblem } from "./lock";
import { attachMessages, refreshProblemSpan } from "./store";

const schema = z.object({
  problemId: z.coerce.number().int().positive().max(2_147_483_647),
  messageId: z.coerce
    .number({ error: "Укажите номер сообщения." })
    .int("Номер сообщения — целое число.")
    .positive("Укажите номер сообщения.")
    .max(2_147_483_647, "Такого номера нет."),
});

/** Attaches a message by its number. A message in another problem must be detached there first,
 * so moving it is always a visible, recorded step. */
export async function attachMessage(user: CurrentUser, raw: unknown): Promise<void> {
  assertCan(user, "problem.edit");
  const input = parseInput(schema, raw);
  await db().$transaction(async (tx) => {
    const p = await lockProblem(tx, input.problemId);
    const m = await loadMessage(tx, user, input.messageId);
    const current = await tx.problemMessage.findFirst({
      where: { messageId: m.id, detachedAt: null },
      select: { problemId: true },
    });
    if (current?.problemId === p.id) throw new AppError("conflict", `Сообщение № ${m.id} уже входит в эту проблему.`);
    if (current)
      throw new AppError(
        "conflict",
        `Сообщение № ${m.id} входит в проблему № ${current.problemId} — сначала открепите его там.`,
      );
    const done = await attachMessages(tx, p.id, [m.id], user.id);
    if (!done.length)
      throw new AppError("conflict", "Сообщение только что прикреплено к другой проблеме — обновите страницу.");
    await refreshProblemSpan(tx, p.id);
    await audit(
      { actorId: user.id, action: "problem.attach", entity: "problem", entityId: p.id, data: { messageId: m.id } },
      tx,
    );
  });
}
