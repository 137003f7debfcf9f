// «Создать проблему» on a growth: the coordinator turns this week's messages of one topic ×
// locality into a «комплексная проблема» (origin "growth"). The server re-reads the cell itself:
// the form sends only the cell and its week, never message ids.
import "server-only";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { addDaysLocal, isValidLocalDate, localDateOf, startOfLocalDay } from "@/lib/deadlines/time";
import { createProblem } from "@/lib/problems/store";
import { assertCan } from "@/lib/auth/guards";
import { formatWeek } from "@/lib/analytics/growth-format";
import { clearGrowthCache } from "./growth";
import { distinctiveWords, placeStems } from "./growth-words";

const sql = Prisma.sql;
/** A cell of one week rarely holds more; a bigger one is attached up to this many messages. */
const MAX_MESSAGES = 2000;
const BASELINE_DAYS = 56;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Неверная дата")
  .refine(isValidLocalDate, "Неверная дата");

export const growthProblemSchema = z
  .object({
    topic: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,40}$/, "Неверная тема"),
    locality: text({ max: 100, min: 1, minMessage: "Не указан населённый пункт" }),
    from: day,
    to: day,
  })
  .refine((v) => addDaysLocal(v.from, 6) === v.to, { message: "Период должен быть неделей (7 дней)", path: ["to"] });

export type GrowthProblemInput = z.input<typeof growthProblemSchema>;

export async function createProblemFromGrowth(
  user: CurrentUser,
  raw: unknown,
  now = new Date(),
): Promise<{ id: number; attached: number }> {
  assertCan(user, "growth.problem");
  const parsed = growthProblemSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      "invalid_input",
      parsed.error.issues[0]?.message ?? "Неверные данные",
      z.flattenError(parsed.error).fieldErrors,
    );
  const input = parsed.data;
  if (input.to > localDateOf(now)) throw new AppError("invalid_input", "Неделя ещё не наступила.");
  const topic = await db().topic.findUnique({ where: { code: input.topic }, select: { id: true, name: true } });
  if (!topic) throw new AppError("not_found", "Тема не найдена.");

  const start = startOfLocalDay(input.from);
  const end = startOfLocalDay(addDaysLocal(input.to, 1));
  // Same selection as the queue link of the growth (topic, locality, from, to).
  const messages = await db().$queryRaw<
    { id: number; title: string | null; text: string; problem_id: number | null }[]
  >(sql`
    SELECT m.id, m.title, left(m.text_clean, 2000) AS text,
           (SELECT pm.problem_id FROM problem_messages pm WHERE pm.message_id = m.id AND pm.detached_at IS NULL LIMIT 1) AS problem_id
    FROM messages m
    WHERE m.topic_id = ${topic.id} AND m.locality = ${input.locality}
      AND m.registered_at >= ${start}::timestamptz AND m.registered_at < ${end}::timestamptz
    ORDER BY m.registered_at DESC, m.id DESC
    LIMIT ${MAX_MESSAGES}`);
  if (messages.length === 0)
    throw new AppError("not_found", "За эту неделю сообщений по теме в этом населённом пункте нет.");
  const free = messages.filter((m) => m.problem_id === null);
  if (free.length === 0) {
    const ids = [...new Set(messages.map((m) => m.problem_id))].map((id) => `№ ${id}`).join(", ");
    throw new AppError("conflict", `Все сообщения этой недели уже входят в проблему ${ids}.`);
  }

  const baseline = await db().$queryRaw<{ text: string }[]>(sql`
    SELECT coalesce(m.title, '') || ' ' || left(m.text_clean, 2000) AS text FROM messages m
    WHERE m.topic_id = ${topic.id} AND m.registered_at >= ${startOfLocalDay(addDaysLocal(input.from, -BASELINE_DAYS))}::timestamptz
      AND m.registered_at < ${start}::timestamptz
    ORDER BY m.registered_at DESC LIMIT 3000`);
  const words = distinctiveWords(
    messages.map((m) => `${m.title ?? ""} ${m.text}`),
    baseline.map((b) => b.text),
    { exclude: placeStems(input.locality), limit: 3 },
  );
  const title = `Рост обращений: ${topic.name}, ${input.locality}${words.length ? ` — ${words.map((w) => w.word).join(", ")}` : ""} (${formatWeek(input.from, input.to)})`;

  const problem = await db().$transaction(async (tx) => {
    const p = await createProblem(tx, {
      title,
      topicId: topic.id,
      locality: input.locality,
      messageIds: free.map((m) => m.id),
      origin: "growth",
      createdById: user.id,
    });
    await audit(
      {
        actorId: user.id,
        action: "growth.problem_create",
        entity: "problem",
        entityId: p.id,
        data: {
          topic: input.topic,
          locality: input.locality,
          from: input.from,
          to: input.to,
          messages: messages.length,
          attached: free.length,
        },
      },
      tx,
    );
    return p;
  });
  clearGrowthCache();
  return { id: problem.id, attached: free.length };
}
