import "server-only";
import { z } from "zod";
import { NUMBER_LIMITS, TEXT_LIMITS, tooLongMessage } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { normalizeItem } from "@/lib/channels/registry";
import { loadRoutingContext } from "@/lib/routing/context";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { prepareMessages } from "./prepare";
import { writePage } from "./write-page";

const input = z.object({
  id: z.coerce.number().int().positive().max(NUMBER_LIMITS.id.max),
  // JSON: not cleaned (control characters are JSON's business), only limited like the textarea.
  rawBody: z.string().max(TEXT_LIMITS.rawJson, tooLongMessage(TEXT_LIMITS.rawJson)).optional(),
});

export type RetryOutcome = { ok: true; messageId: number } | { ok: false; error: string };

/** Re-validates a quarantined payload (optionally corrected by the admin) and, when it is valid
 * now, stores it like any other message (without touching the channel's cursor). */
export async function retryQuarantined(actorId: number, raw: unknown): Promise<RetryOutcome> {
  const p = input.safeParse(raw);
  if (!p.success)
    throw new AppError(
      "invalid_input",
      p.error.issues.find((i) => i.path[0] === "rawBody")?.message ?? "Неверный запрос.",
    );
  const q = await db().quarantinedPayload.findUnique({ where: { id: p.data.id } });
  if (!q || q.status !== "pending") throw new AppError("not_found", "Запись карантина не найдена или уже обработана.");
  const body = p.data.rawBody ?? q.rawBody;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: "Это не корректный JSON." };
  }
  const r = normalizeItem(q.channel, json);
  if (!r.ok) {
    await db().quarantinedPayload.update({ where: { id: q.id }, data: { attempts: { increment: 1 }, error: r.error } });
    return { ok: false, error: r.error };
  }
  const rows = prepareMessages([r.message], await loadRoutingContext(db()));
  const client = await pgPool().connect();
  try {
    await writePage(client, q.channel, undefined, undefined, rows, []);
  } finally {
    client.release();
  }
  const m = await db().message.findUniqueOrThrow({
    where: { channel_externalId: { channel: q.channel, externalId: r.message.externalId } },
    select: { id: true },
  });
  await db().quarantinedPayload.update({
    where: { id: q.id },
    data: { status: "resolved", resolvedAt: new Date(), messageId: m.id, attempts: { increment: 1 } },
  });
  await audit({
    actorId,
    action: "quarantine_retried",
    entity: "quarantined_payload",
    entityId: q.id,
    data: { messageId: m.id, edited: p.data.rawBody !== undefined },
  });
  return { ok: true, messageId: m.id };
}
