import "server-only";
import { z } from "zod";
import { NUMBER_LIMITS, TEXT_LIMITS, numberInRange, text } from "@/lib/validation/text";
import { TZDate } from "@date-fns/tz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { MUNICIPAL_TZ } from "@/lib/deadlines";
import { assertCan } from "@/lib/auth/guards";
import { loadMessage } from "./guards";
import { idSchema, parseInput } from "./validate";

export const CALL_OUTCOMES = ["reached", "no_answer", "refused", "wrong_number"] as const;

/** "2026-11-28T10:30" from a datetime-local input is Sakhalin wall time, whatever the browser's zone. */
const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Укажите дату и время следующей попытки.")
  .transform((s) => {
    const [d, t] = s.split("T");
    const [y, mo, da] = d.split("-").map(Number);
    const [h, mi] = t.split(":").map(Number);
    return new Date(new TZDate(y, mo - 1, da, h, mi, MUNICIPAL_TZ).getTime());
  });

const schema = z.object({
  messageId: idSchema,
  outcome: z.enum(CALL_OUTCOMES, "Выберите результат звонка."),
  notes: text({ max: TEXT_LIMITS.note, multiline: true })
    .optional()
    .transform((s) => s || null),
  // Blank means "not measured"; anything typed must be a duration in range.
  durationMin: z.preprocess(
    (v) => (v == null || (typeof v === "string" && v.trim() === "") ? undefined : v),
    numberInRange(NUMBER_LIMITS.callMinutes.min, NUMBER_LIMITS.callMinutes.max, "Длительность, минут").optional(),
  ),
  nextAttemptAt: z.union([z.literal("").transform(() => null), localDateTime]).optional(),
});

/** The curator's phone call to the resident about the approved ПОС answer. */
export async function logContact(user: CurrentUser, raw: unknown): Promise<{ contactId: number }> {
  assertCan(user, "message.call");
  const input = parseInput(schema, raw);
  return db().$transaction(async (tx) => {
    const m = await loadMessage(tx, user, input.messageId);
    if (m.status !== "awaiting_contact")
      throw new AppError("invalid_transition", "Звонок фиксируется, когда одобренный ответ ждёт звонка куратора.");
    const answer = await tx.answer.findFirst({
      where: { messageId: m.id, status: "approved" },
      orderBy: [{ round: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (!answer) throw new AppError("conflict", "Нет одобренного ответа, о котором нужно сообщить заявителю.");
    if (input.nextAttemptAt && input.nextAttemptAt.getTime() < Date.now()) {
      throw new AppError("invalid_input", "Следующая попытка должна быть в будущем.", {
        nextAttemptAt: ["Следующая попытка должна быть в будущем."],
      });
    }
    const c = await tx.contactAttempt.create({
      data: {
        messageId: m.id,
        answerId: answer.id,
        curatorId: user.id,
        outcome: input.outcome,
        notes: input.notes,
        durationSec: input.durationMin == null ? null : Math.round(input.durationMin * 60),
        nextAttemptAt: input.nextAttemptAt ?? null,
      },
      select: { id: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "contact_logged",
        entity: "message",
        entityId: m.id,
        data: { contactId: c.id, outcome: input.outcome },
      },
      tx,
    );
    return { contactId: c.id };
  });
}
