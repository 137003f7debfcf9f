import "server-only";
import { z } from "zod";
import { NUMBER_LIMITS, intInRange } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { CHANNEL_CODES } from "@/lib/channels/types";
import { pullChannel, type PullResult } from "@/lib/ingest/pull-channel";
import { retryQuarantined, type RetryOutcome } from "@/lib/ingest/retry-quarantined";

const channelCode = z.enum(CHANNEL_CODES);

export async function listChannelHealth() {
  await authorize("admin.settings");
  const [channels, quarantined] = await Promise.all([
    db().channel.findMany({ orderBy: { code: "asc" } }),
    db().quarantinedPayload.groupBy({ by: ["channel"], where: { status: "pending" }, _count: { _all: true } }),
  ]);
  const q = new Map(quarantined.map((x) => [x.channel, x._count._all]));
  return channels.map((c) => ({ ...c, quarantined: q.get(c.code) ?? 0 }));
}

export async function listQuarantine(limit = 50) {
  await authorize("admin.settings");
  return db().quarantinedPayload.findMany({ where: { status: "pending" }, orderBy: { id: "desc" }, take: limit });
}

export async function setChannelPaused(raw: { channel: unknown; paused: unknown }): Promise<void> {
  const user = await authorize("admin.settings");
  const p = z.object({ channel: channelCode, paused: z.boolean() }).safeParse(raw);
  if (!p.success) throw new AppError("invalid_input", "Неизвестный канал.");
  await db().channel.update({ where: { code: p.data.channel }, data: { paused: p.data.paused } });
  await audit({
    actorId: user.id,
    action: p.data.paused ? "channel_paused" : "channel_resumed",
    entity: "channel",
    entityId: p.data.channel,
  });
}

/** «Загрузить сейчас»: a bounded pull so the request returns in reasonable time. */
export async function loadChannelNow(raw: unknown): Promise<PullResult> {
  const user = await authorize("admin.settings");
  const p = channelCode.safeParse(raw);
  if (!p.success) throw new AppError("invalid_input", "Неизвестный канал.");
  const r = await pullChannel(p.data, { maxPages: 20 });
  await audit({
    actorId: user.id,
    action: "channel_pulled",
    entity: "channel",
    entityId: p.data,
    data: { inserted: r.inserted, error: r.error },
  });
  return r;
}

export async function retryQuarantinedAsAdmin(raw: unknown): Promise<RetryOutcome> {
  const user = await authorize("admin.settings");
  return retryQuarantined(user.id, raw);
}

/** Marks a payload as not worth retrying; it stays stored (nothing is deleted). */
export async function discardQuarantined(raw: unknown): Promise<void> {
  const user = await authorize("admin.settings");
  const id = z.coerce.number().int().positive().safeParse(raw);
  if (!id.success) throw new AppError("invalid_input", "Неверный запрос.");
  const r = await db().quarantinedPayload.updateMany({
    where: { id: id.data, status: "pending" },
    data: { status: "discarded", resolvedAt: new Date() },
  });
  if (r.count === 0) throw new AppError("not_found", "Запись карантина не найдена или уже обработана.");
  await audit({ actorId: user.id, action: "quarantine_discarded", entity: "quarantined_payload", entityId: id.data });
}

export async function setPullInterval(raw: { channel: unknown; seconds: unknown }): Promise<number> {
  const user = await authorize("admin.settings");
  const { min, max } = NUMBER_LIMITS.pullIntervalSec;
  const p = z.object({ channel: channelCode, seconds: intInRange(min, max) }).safeParse(raw);
  if (!p.success) throw new AppError("invalid_input", "Интервал — целое число секунд от 5 до 86 400.");
  await db().channel.update({ where: { code: p.data.channel }, data: { pullIntervalSec: p.data.seconds } });
  await audit({
    actorId: user.id,
    action: "channel_interval_changed",
    entity: "channel",
    entityId: p.data.channel,
    data: { seconds: p.data.seconds },
  });
  return p.data.seconds;
}
