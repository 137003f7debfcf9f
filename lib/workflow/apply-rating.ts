// A resident's rating of a released answer, from the ПОС rating pull job. No "server-only": the
// job worker calls it. Idempotent on (message_id, external_rating_id): a replayed page changes
// nothing. Dissatisfied → reopened with a new clock; satisfied → closed.
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { StatusCode } from "@/lib/messages/labels";
import { messageClock } from "@/lib/messages/clock";
import { transition } from "./transition";
import { loadPolicy } from "./policy";
import { idSchema, parseInput } from "./validate";

const schema = z
  .object({
    messageId: idSchema,
    value: z.number().int().min(1).max(5).nullish(),
    satisfied: z.boolean().nullish(),
    externalRatingId: z.string().min(1).max(200),
    ratedAt: z.date(),
    comment: z.string().max(4000).nullish(),
  })
  .refine((r) => r.value != null || r.satisfied != null, "A rating needs a value or satisfied");

export type RatingOutcome = "duplicate" | "closed" | "reopened" | "recorded";

export async function applyRating(
  tx: Tx,
  raw: {
    messageId: number;
    value?: number | null;
    satisfied?: boolean | null;
    externalRatingId: string;
    ratedAt: Date;
    comment?: string | null;
  },
): Promise<RatingOutcome> {
  const r = parseInput(schema, raw);
  const created = await tx.rating.createMany({
    data: [
      {
        messageId: r.messageId,
        externalRatingId: r.externalRatingId,
        value: r.value ?? null,
        satisfied: r.satisfied ?? null,
        comment: r.comment ?? null,
        ratedAt: r.ratedAt,
      },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) return "duplicate";
  const m = await tx.message.findUnique({
    where: { id: r.messageId },
    select: { id: true, status: true, regime: true, reopenCount: true },
  });
  if (!m) return "recorded";
  // Either signal of dissatisfaction reopens: when in doubt, the resident's problem gets another look.
  const dissatisfied = r.satisfied === false || (r.value != null && r.value <= 3);
  const lastRating = r.value ?? undefined;
  const ratingSatisfied = !dissatisfied;
  const from: StatusCode = m.status;
  if (dissatisfied && (from === "answered" || from === "closed")) {
    const clock = messageClock(r.ratedAt, await loadPolicy(tx, m.regime));
    await transition(tx, {
      messageId: m.id,
      from,
      to: "reopened",
      actorId: null,
      reason: `Заявитель не удовлетворён ответом${r.value != null ? ` (оценка ${r.value})` : ""}${r.comment ? `: ${r.comment}` : ""}`,
      data: { externalRatingId: r.externalRatingId, value: r.value ?? null, satisfied: r.satisfied ?? null },
      extra: {
        lastRating,
        ratingSatisfied,
        reopenCount: { increment: 1 },
        closedAt: null,
        extensionCount: 0,
        dueAt: clock.dueAt,
        dueLocalDate: clock.dueLocalDate,
        atRiskAt: clock.atRiskAt,
        firstReactionDueAt: clock.firstReactionDueAt,
      },
    });
    return "reopened";
  }
  if (!dissatisfied && from === "answered") {
    await transition(tx, {
      messageId: m.id,
      from,
      to: "closed",
      actorId: null,
      reason: `Заявитель удовлетворён ответом${r.value != null ? ` (оценка ${r.value})` : ""}`,
      data: { externalRatingId: r.externalRatingId },
      extra: { lastRating, ratingSatisfied, closedAt: r.ratedAt },
    });
    return "closed";
  }
  // A late or repeated rating of a message already moved on: kept, no status change.
  await tx.message.update({ where: { id: m.id }, data: { lastRating, ratingSatisfied } });
  return "recorded";
}
