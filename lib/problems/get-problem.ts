import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { idSchema } from "@/lib/workflow/validate";
import { messageScope } from "@/lib/messages/scope";
import { deadlineStateOf } from "@/lib/messages/deadline";
import { OPEN_STATUSES, type ChannelCodeT } from "@/lib/messages/labels";
import { can } from "@/lib/auth/permissions";
import { residentKey } from "./residents";
import { seesPersonalData, textFor } from "@/lib/privacy/viewer";

const MEMBER_MESSAGE = {
  id: true,
  channel: true,
  status: true,
  title: true,
  textClean: true,
  locality: true,
  address: true,
  registeredAt: true,
  dueAt: true,
  atRiskAt: true,
  authorName: true,
  authorPhone: true,
  authorEmail: true,
  authorProfile: true,
  block: { select: { shortName: true } },
} as const;

/**
 * One problem with its members (active and detached, for the history), channels, blocks and the
 * affected residents. Names and phones are returned only to roles with "pd.read", and each such
 * read is audited as on the message page; other roles get the count of residents only.
 */
export async function getProblem(user: CurrentUser, rawId: unknown) {
  assertCan(user, "problem.read");
  const id = idSchema.safeParse(rawId);
  if (!id.success) throw new AppError("not_found", "Проблема не найдена.");
  const p = await db().problem.findUnique({
    where: { id: id.data },
    select: {
      id: true,
      title: true,
      status: true,
      origin: true,
      locality: true,
      address: true,
      firstAt: true,
      lastAt: true,
      createdAt: true,
      updatedAt: true,
      mergedIntoId: true,
      topic: { select: { code: true, name: true } },
      createdBy: { select: { fullName: true } },
      mergedFrom: { select: { id: true, title: true, updatedAt: true }, orderBy: { id: "asc" } },
      members: {
        where: { message: messageScope(user) },
        orderBy: [{ addedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          addedAt: true,
          detachedAt: true,
          addedBy: { select: { fullName: true } },
          detachedBy: { select: { fullName: true } },
          message: { select: MEMBER_MESSAGE },
        },
      },
    },
  });
  if (!p) throw new AppError("not_found", "Проблема не найдена.");
  const active = p.members.filter((m) => !m.detachedAt).map((m) => m.message);
  const canSeePersonal = seesPersonalData(user);
  const residents = new Map<
    string,
    {
      key: string;
      name: string | null;
      phone: string | null;
      email: string | null;
      messageIds: number[];
      channels: ChannelCodeT[];
    }
  >();
  for (const m of active) {
    const key = residentKey(m);
    const r = residents.get(key) ?? {
      key,
      name: m.authorName,
      phone: m.authorPhone,
      email: m.authorEmail,
      messageIds: [],
      channels: [],
    };
    r.name ??= m.authorName;
    r.phone ??= m.authorPhone;
    r.email ??= m.authorEmail;
    r.messageIds.push(m.id);
    if (!r.channels.includes(m.channel)) r.channels.push(m.channel);
    residents.set(key, r);
  }
  const personal = canSeePersonal ? [...residents.values()] : null;
  if (personal?.some((r) => r.name || r.phone || r.email)) {
    await audit({
      actorId: user.id,
      action: "personal_data_read",
      entity: "problem",
      entityId: p.id,
      data: { messageIds: active.map((m) => m.id) },
    });
  }
  const strip = <M extends (typeof active)[number]>({
    authorName: _n,
    authorPhone: _p,
    authorEmail: _e,
    authorProfile: _pr,
    textClean,
    ...m
  }: M) => ({
    ...m,
    preview: shorten(textFor(user, textClean.slice(0, 300)), textClean.length, 240),
    deadlineState: deadlineStateOf(m),
    open: OPEN_STATUSES.includes(m.status),
  });
  return {
    id: p.id,
    title: textFor(user, p.title),
    status: p.status,
    origin: p.origin,
    locality: p.locality,
    address: textFor(user, p.address),
    firstAt: p.firstAt,
    lastAt: p.lastAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    mergedIntoId: p.mergedIntoId,
    topic: p.topic,
    createdBy: p.createdBy?.fullName ?? null,
    mergedFrom: p.mergedFrom,
    messages: active.map(strip),
    channels: [...new Set(active.map((m) => m.channel))],
    blocks: [...new Set(active.map((m) => m.block?.shortName).filter((b): b is string => Boolean(b)))],
    residentCount: residents.size,
    residents: personal?.map(({ key: _k, ...r }) => r) ?? null,
    history: p.members.map((m) => ({
      id: m.id,
      messageId: m.message.id,
      channel: m.message.channel,
      addedAt: m.addedAt,
      addedBy: m.addedBy?.fullName ?? null,
      detachedAt: m.detachedAt,
      detachedBy: m.detachedBy?.fullName ?? null,
    })),
    canEdit: can(user, "problem.edit"),
  };
}

/** A preview of at most `max` characters, with «…» when the text was longer. */
function shorten(t: string, fullLength: number, max: number): string {
  return fullLength > max || t.length > max ? `${t.slice(0, max)}…` : t;
}

export type ProblemDetails = Awaited<ReturnType<typeof getProblem>>;

/** The message's active problem, for the link on the message page (null when it has none). */
export async function problemOfMessage(
  user: CurrentUser,
  messageId: number,
): Promise<{ id: number; title: string; status: string; size: number } | null> {
  if (!can(user, "problem.read")) return null;
  const pm = await db().problemMessage.findFirst({
    where: { messageId, detachedAt: null, message: messageScope(user) },
    select: {
      problem: {
        select: {
          id: true,
          title: true,
          status: true,
          _count: { select: { members: { where: { detachedAt: null } } } },
        },
      },
    },
  });
  return pm
    ? { id: pm.problem.id, title: pm.problem.title, status: pm.problem.status, size: pm.problem._count.members }
    : null;
}
