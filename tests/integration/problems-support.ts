// Test data for the problem tests: messages with a chosen text, place and channel in a locality
// of their own (so the demo messages and other tests' messages never join their problems).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { DEFAULT_POLICIES } from "@/lib/deadlines";
import { messageClock } from "@/lib/messages/clock";
import type { StatusCode } from "@/lib/messages/labels";
import type { ChannelCode } from "@/lib/channels/types";

export const POTHOLE_A =
  "Огромная яма на дороге у дома № 12 по ул. Ленина, машины пробивают колёса, просим срочно заделать яму.";
export const POTHOLE_B = "На ул. Ленина возле дома 12 огромная яма на дороге, вчера пробил колесо. Когда заделают яму?";
export const POTHOLE_C = "Яма на дороге у дома 12 на Ленина так и не заделана, опять пробил колесо, огромная яма!";
export const LIGHTS = "У дома № 12 по ул. Ленина не горят фонари, вечером темно, страшно ходить.";

export function uniqueLocality(): string {
  return `Тестовое-${randomUUID().slice(0, 8)}`;
}

export async function makePlacedMessage(opts: {
  text: string;
  locality: string;
  channel?: ChannelCode;
  topic?: string;
  address?: string | null;
  lat?: number | null;
  lon?: number | null;
  registeredAt?: Date;
  status?: StatusCode;
  externalId?: string;
  authorPhone?: string | null;
  authorName?: string | null;
}) {
  const channel = opts.channel ?? "pos";
  const regime = channel === "pos" ? "pos_message" : channel === "sakhalin" ? "portal" : "social_incident";
  const registeredAt = opts.registeredAt ?? new Date(Date.now() - 3_600_000);
  const topic = await db().topic.findUniqueOrThrow({
    where: { code: opts.topic ?? "roads" },
    select: { id: true, blockId: true },
  });
  const clock = messageClock(registeredAt, DEFAULT_POLICIES[regime]);
  return db().message.create({
    data: {
      channel,
      regime,
      externalId: opts.externalId ?? `pr-${randomUUID()}`,
      status: opts.status ?? "routed",
      textRaw: opts.text,
      textClean: opts.text,
      locality: opts.locality,
      address: opts.address === undefined ? `с. ${opts.locality}, ул. Ленина, д. 12` : opts.address,
      lat: opts.lat === undefined ? 47.05 : opts.lat,
      lon: opts.lon === undefined ? 142.05 : opts.lon,
      authorName: opts.authorName === undefined ? "Петров Пётр" : opts.authorName,
      authorPhone: opts.authorPhone === undefined ? "+7 900 111-22-33" : opts.authorPhone,
      sourceCreatedAt: registeredAt,
      registeredAt,
      topicId: topic.id,
      blockId: topic.blockId,
      blockSource: "topic_map",
      topicSource: "manual",
      dueAt: clock.dueAt,
      dueLocalDate: clock.dueLocalDate,
      atRiskAt: clock.atRiskAt,
      firstReactionDueAt: clock.firstReactionDueAt,
      events: { create: { kind: "created", toStatus: "new", reason: "test" } },
    },
    select: { id: true, externalId: true, channel: true },
  });
}

/** The active problem of each message (undefined when none). */
export async function activeProblemOf(ids: number[]): Promise<Map<number, number>> {
  const rows = await db().problemMessage.findMany({
    where: { messageId: { in: ids }, detachedAt: null },
    select: { messageId: true, problemId: true },
  });
  return new Map(rows.map((r) => [r.messageId, r.problemId]));
}
