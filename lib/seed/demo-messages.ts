// ~300 realistic demo messages across all channels, regimes and statuses, each with a legal
// history. Deterministic (seeded), keyed by external id "demo-N" so re-running adds nothing.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_POLICIES } from "@/lib/deadlines";
import { createRng, type Rng } from "@/lib/demo/rng";
import { generateResidentMessage } from "@/lib/demo/generator";
import { toPlainText } from "@/lib/channels/sanitize";
import type { ChannelCode, Regime } from "@/lib/channels/types";
import type { StatusCode } from "@/lib/messages/labels";
import { messageClock } from "@/lib/messages/clock";
import { TOPIC_DEFS } from "./reference";
import { pathTo } from "./status-paths";

const STATUS_MIX: StatusCode[] = [
  "new",
  "new",
  "routed",
  "routed",
  "in_work",
  "in_work",
  "in_work",
  "answer_review",
  "awaiting_contact",
  "answered",
  "closed",
  "closed",
  "reopened",
  "returned",
  "redirected",
  "extension_requested",
  "rejected",
];
const CHANNEL_MIX: ChannelCode[] = [
  "pos",
  "pos",
  "pos",
  "pos",
  "incident",
  "incident",
  "incident",
  "smls",
  "smls",
  "sakhalin",
  "sakhalin",
];
const OUTSIDE_COMPETENCE = ["healthcare", "social", "other"] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function regimeOf(channel: ChannelCode, i: number): Regime {
  if (channel === "pos") return i % 4 === 0 ? "fz59" : "pos_message";
  return channel === "sakhalin" ? "portal" : "social_incident";
}

type Actors = { coordinator: number; headByBlock: Map<number, number>; curatorByBlock: Map<number, number> };

async function loadActors(db: Db): Promise<Actors> {
  const users = await db.user.findMany({
    select: { id: true, role: true, blockId: true, login: true, curatedBlocks: { select: { blockId: true } } },
  });
  const coordinator = users.find((u) => u.login === "coordinator") ?? users.find((u) => u.role === "coordinator");
  if (!coordinator) throw new Error("seed users first");
  const headByBlock = new Map<number, number>();
  const curatorByBlock = new Map<number, number>();
  for (const u of users) {
    if (u.role === "block_head" && u.blockId) headByBlock.set(u.blockId, u.id);
    if (u.role === "block_curator") for (const c of u.curatedBlocks) curatorByBlock.set(c.blockId, u.id);
  }
  return { coordinator: coordinator.id, headByBlock, curatorByBlock };
}

export async function seedDemoMessages(db: Db, opts: { count: number; now: Date }): Promise<number> {
  const existing = new Set(
    (await db.message.findMany({ where: { externalId: { startsWith: "demo-" } }, select: { externalId: true } })).map(
      (m) => m.externalId,
    ),
  );
  const topics = new Map(
    (await db.topic.findMany({ select: { id: true, code: true, blockId: true } })).map((t) => [t.code, t]),
  );
  const actors = await loadActors(db);
  const rng = createRng(20261127);
  let created = 0;
  for (let i = 1; i <= opts.count; i++) {
    // Draw every random value even for existing rows so the sequence stays stable.
    const channel = CHANNEL_MIX[Math.floor(rng.next() * CHANNEL_MIX.length)];
    let status = STATUS_MIX[(i - 1) % STATUS_MIX.length];
    if (status === "awaiting_contact" && channel !== "pos") status = "answered";
    const forcedTopic = status === "redirected" ? OUTSIDE_COMPETENCE[i % 3] : undefined;
    const ageDays = status === "new" ? rng.next() * 1.5 : 1 + rng.next() * 34;
    const registeredAt = new Date(opts.now.getTime() - ageDays * DAY);
    const style =
      channel === "pos" ? "formal" : channel === "incident" ? "social" : channel === "smls" ? "chat" : "portal";
    const g = generateResidentMessage(rng, {
      topic: forcedTopic,
      style,
      fz59: regimeOf(channel, i) === "fz59",
      at: new Date(registeredAt.getTime() - rng.next() * HOUR),
    });
    const externalId = `demo-${i}`;
    if (existing.has(externalId)) continue;
    await db.message.create({
      data: buildMessage({ i, channel, status, registeredAt, g, externalId, topics, actors, rng, now: opts.now }),
    });
    created++;
  }
  return created;
}

type Gen = ReturnType<typeof generateResidentMessage>;

function buildMessage(a: {
  i: number;
  channel: ChannelCode;
  status: StatusCode;
  registeredAt: Date;
  g: Gen;
  externalId: string;
  topics: Map<string, { id: number; code: string; blockId: number }>;
  actors: Actors;
  rng: Rng;
  now: Date;
}): Prisma.MessageCreateInput {
  const { channel, status, registeredAt, g, actors, rng } = a;
  const regime = regimeOf(channel, a.i);
  const policy = DEFAULT_POLICIES[regime];
  const classified = status !== "new" || a.i % 3 === 0;
  const topic = a.topics.get(g.topic) ?? a.topics.get(TOPIC_DEFS[0].code)!;
  const blockId = classified ? topic.blockId : null;
  const head = blockId ? (actors.headByBlock.get(blockId) ?? actors.coordinator) : actors.coordinator;
  const curator = blockId ? (actors.curatorByBlock.get(blockId) ?? actors.coordinator) : actors.coordinator;
  const textRaw = g.text;
  const path = pathTo(status, channel);

  // Walk the lifecycle, spacing events between registration and now.
  const span = Math.max(HOUR, a.now.getTime() - registeredAt.getTime());
  const events: Prisma.MessageEventCreateWithoutMessageInput[] = [
    { kind: "created", toStatus: "new", createdAt: registeredAt, reason: "Поступило из канала" },
  ];
  let from: StatusCode = "new";
  let clockStart = registeredAt;
  let answeredAt: Date | null = null;
  let closedAt: Date | null = null;
  let reopenCount = 0;
  let lastRating: number | null = null;
  const answers: Prisma.AnswerCreateWithoutMessageInput[] = [];
  const contacts: Prisma.ContactAttemptCreateWithoutMessageInput[] = [];
  const ratings: Prisma.RatingCreateWithoutMessageInput[] = [];
  const extensions: Prisma.ExtensionRequestCreateWithoutMessageInput[] = [];
  for (const [k, to] of path.entries()) {
    const at = new Date(registeredAt.getTime() + (span * (k + 1)) / (path.length + 1.5));
    const step = stepFor(to, from, { head, curator, coordinator: actors.coordinator });
    events.push({
      kind: "status_change",
      fromStatus: from,
      toStatus: to,
      createdAt: at,
      reason: step.reason,
      actor: { connect: { id: step.actor } },
    });
    if (to === "answer_review") {
      answers.push({
        text: `Уважаемый заявитель! Ваше обращение рассмотрено. Специалисты выехали на место ${g.address ? `(${g.address}) ` : ""}и провели обследование. Работы по устранению запланированы до конца текущего месяца. О результатах сообщим дополнительно.`,
        status: path.includes("answered") ? "released" : path.includes("awaiting_contact") ? "approved" : "submitted",
        submittedAt: at,
        author: { connect: { id: head } },
      });
    }
    if (to === "answered") {
      answeredAt = at;
      if (channel === "pos")
        contacts.push({
          outcome: "reached",
          notes: "Житель проинформирован о содержании ответа",
          durationSec: 180,
          createdAt: at,
          curator: { connect: { id: curator } },
        });
    }
    if (to === "closed" || to === "reopened") {
      lastRating = to === "closed" ? 4 + Math.floor(rng.next() * 2) : 1 + Math.floor(rng.next() * 3);
      ratings.push({ value: lastRating, satisfied: to === "closed", ratedAt: at, externalRatingId: `demo-r-${a.i}` });
      if (to === "closed") closedAt = at;
      else {
        reopenCount = 1;
        clockStart = at;
      }
    }
    if (to === "extension_requested") {
      extensions.push({
        reason: "Требуется выезд подрядчика и согласование сметы",
        requestedBy: { connect: { id: head } },
        createdAt: at,
      });
    }
    from = to;
  }
  const clock = messageClock(clockStart, policy);
  return {
    channel,
    externalId: a.externalId,
    regime,
    status,
    title: channel === "sakhalin" || channel === "pos" ? g.title : null,
    textRaw,
    textClean: toPlainText(textRaw),
    sourceUrl: channel === "incident" ? `https://vk.com/wall-1000_${a.i}` : null,
    sourceVersion: "1",
    authorName: g.authorName,
    authorPhone: g.authorPhone,
    authorEmail: channel === "pos" || channel === "sakhalin" ? g.authorEmail : null,
    authorProfile: channel === "incident" || channel === "smls" ? `https://vk.com/id${100000 + a.i}` : null,
    address: g.address,
    locality: g.locality,
    lat: g.lat,
    lon: g.lon,
    sourceCategory: channel === "pos" ? g.posCategory : null,
    sourceSubcategory: channel === "pos" ? g.posSubcategory : null,
    topic: classified ? { connect: { id: topic.id } } : undefined,
    topicSource: classified ? (channel === "pos" ? "category_map" : "model") : "none",
    topicConfidence: classified ? (channel === "pos" ? 1 : 0.7 + rng.next() * 0.28) : null,
    topicReason: classified
      ? channel === "pos"
        ? { category: g.posCategory, subcategory: g.posSubcategory }
        : { demo: true, note: "демо-данные" }
      : undefined,
    block: blockId ? { connect: { id: blockId } } : undefined,
    blockSource: blockId ? "topic_map" : "none",
    blockReason: blockId ? { topic: topic.code } : undefined,
    needsReview: status === "new" && a.i % 3 === 0,
    sourceCreatedAt: g.createdAt,
    registeredAt,
    dueAt: clock.dueAt,
    dueLocalDate: clock.dueLocalDate,
    atRiskAt: clock.atRiskAt,
    firstReactionDueAt: clock.firstReactionDueAt,
    answeredAt,
    closedAt,
    reopenCount,
    lastRating,
    ratingSatisfied: lastRating == null ? null : lastRating >= 4,
    events: { create: events },
    answers: { create: answers },
    contacts: { create: contacts },
    ratings: { create: ratings },
    extensions: { create: extensions },
  };
}

function stepFor(
  to: StatusCode,
  from: StatusCode,
  who: { head: number; curator: number; coordinator: number },
): { actor: number; reason: string } {
  switch (to) {
    case "routed":
      return {
        actor: who.coordinator,
        reason: from === "returned" ? "Перенаправлено после возврата" : "Направлено в блок по теме",
      };
    case "in_work":
      return { actor: who.head, reason: "Принято в работу" };
    case "answer_review":
      return { actor: who.head, reason: "Ответ направлен на проверку" };
    case "awaiting_contact":
      return { actor: who.coordinator, reason: "Ответ одобрен, требуется звонок куратора" };
    case "answered":
      return { actor: from === "awaiting_contact" ? who.curator : who.coordinator, reason: "Ответ отправлен в канал" };
    case "closed":
      return { actor: who.coordinator, reason: "Житель удовлетворён ответом" };
    case "reopened":
      return { actor: who.coordinator, reason: "Житель не удовлетворён ответом" };
    case "returned":
      return { actor: who.head, reason: "Вопрос не относится к компетенции блока" };
    case "redirected":
      return { actor: who.coordinator, reason: "Вне компетенции ОМСУ, переадресовано в региональный орган" };
    case "extension_requested":
      return { actor: who.head, reason: "Запрошено продление срока" };
    case "rejected":
      return { actor: who.coordinator, reason: "Спам / не является обращением" };
    default:
      return { actor: who.coordinator, reason: "" };
  }
}
