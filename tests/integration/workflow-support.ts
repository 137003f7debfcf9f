// Test data for the workflow tests: fresh messages of a given block/channel/status (so the demo
// messages other tests rely on stay untouched) and the demo users as CurrentUser.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { loadUser, type CurrentUser } from "@/lib/auth/session";
import { encodeSessionToken } from "@/lib/auth/jwt";
import type { RoleCode } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { DEFAULT_POLICIES } from "@/lib/deadlines";
import { messageClock } from "@/lib/messages/clock";
import type { StatusCode } from "@/lib/messages/labels";
import type { ChannelCode, Regime } from "@/lib/channels/types";

export async function userOf(login: string): Promise<CurrentUser> {
  const u = await db().user.findUniqueOrThrow({ where: { login }, select: { id: true } });
  return (await loadUser(u.id))!;
}

/** A user of its own for a test that changes a user (password, lock, role, curated blocks), so the
 * demo accounts other test files sign in with stay as the seed made them. */
export async function makeUser(
  opts: { role?: RoleCode; block?: string; passwordHash?: string; fullName?: string } = {},
) {
  const block = opts.block
    ? await db().block.findUniqueOrThrow({ where: { code: opts.block }, select: { id: true } })
    : null;
  return db().user.create({
    data: {
      login: `t_${randomUUID().slice(0, 12)}`,
      fullName: opts.fullName ?? "Проверочный Пользователь",
      role: opts.role ?? "coordinator",
      blockId: block?.id ?? null,
      passwordHash: opts.passwordHash ?? "!",
    },
    select: { id: true, login: true, role: true, blockId: true },
  });
}

/** The session cookie next-auth would set for `login` after sign-in (the user's id and current
 * session version, encrypted with NEXTAUTH_SECRET): with `cookies()` of next/headers returning it,
 * authorize() runs for real — token decoded, user re-read from the database, role checked. */
export async function sessionCookieFor(login: string): Promise<{ name: string; value: string }> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set before the test imports the app");
  const u = await db().user.findUniqueOrThrow({
    where: { login },
    select: { id: true, fullName: true, role: true, blockId: true, sessionVersion: true },
  });
  const value = await encodeSessionToken({
    token: {
      name: u.fullName,
      sub: String(u.id),
      uid: u.id,
      login,
      role: u.role,
      blockId: u.blockId,
      sv: u.sessionVersion,
    },
    secret,
    maxAge: 60 * 60,
  });
  return { name: "next-auth.session-token", value };
}

export async function makeMessage(
  opts: {
    block?: string;
    channel?: ChannelCode;
    regime?: Regime;
    status?: StatusCode;
    registeredAt?: Date;
    externalId?: string;
  } = {},
) {
  const channel = opts.channel ?? "pos";
  const regime =
    opts.regime ?? (channel === "pos" ? "pos_message" : channel === "sakhalin" ? "portal" : "social_incident");
  const registeredAt = opts.registeredAt ?? new Date();
  const block = await db().block.findUniqueOrThrow({ where: { code: opts.block ?? "zhkh" }, select: { id: true } });
  const topic = await db().topic.findFirstOrThrow({ where: { blockId: block.id }, select: { id: true } });
  const clock = messageClock(registeredAt, DEFAULT_POLICIES[regime]);
  const text = "Во дворе дома по ул. Советская, 45 второй месяц не вывозят мусор, контейнеры переполнены.";
  return db().message.create({
    data: {
      channel,
      regime,
      externalId: opts.externalId ?? `wf-${randomUUID()}`,
      status: opts.status ?? "routed",
      textRaw: text,
      textClean: text,
      title: "Не вывозят мусор",
      authorName: "Иванов Иван",
      authorPhone: "+7 900 000-00-00",
      sourceCreatedAt: registeredAt,
      registeredAt,
      topicId: topic.id,
      blockId: block.id,
      blockSource: "topic_map",
      topicSource: "manual",
      dueAt: clock.dueAt,
      dueLocalDate: clock.dueLocalDate,
      atRiskAt: clock.atRiskAt,
      firstReactionDueAt: clock.firstReactionDueAt,
      events: { create: { kind: "created", toStatus: "new", reason: "test" } },
    },
    select: { id: true, externalId: true, blockId: true },
  });
}

/** A good answer: long enough, with dates and concrete actions, so no formal-answer warnings. */
export const GOOD_ANSWER =
  "Уважаемый Иван Иванович! 12.12.2026 специалисты управляющей организации выехали на место и провели обследование контейнерной площадки. " +
  "Региональному оператору направлено требование, вывоз отходов выполнен 14.12.2026, график вывоза восстановлен: ежедневно до 10:00. " +
  "Контроль исполнения — до 31 декабря 2026 года.";

export function expectAppError(p: Promise<unknown>, code: string, message?: RegExp) {
  return p.then(
    () => {
      throw new Error(`expected AppError ${code}, got success`);
    },
    (e: { name?: string; code?: string; message?: string }) => {
      if (e?.name !== "AppError" || e.code !== code) throw e;
      if (message && !message.test(e.message ?? ""))
        throw new Error(`message "${e.message}" does not match ${message}`);
      return e;
    },
  );
}
