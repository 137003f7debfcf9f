import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { personalDataShown, seesPersonalData, textFor } from "@/lib/privacy/viewer";
import type { CurrentUser } from "@/lib/auth/session";
import { messageScope } from "./scope";
import { deadlineStateOf } from "./deadline";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** One message with its history. Out-of-scope and unknown ids are both "not found". Personal
 * data is included only for roles that need it, and every such read is written to the audit log. */
export async function getMessage(user: CurrentUser, rawId: unknown) {
  const id = idSchema.safeParse(rawId);
  if (!id.success) throw new AppError("not_found", "Сообщение не найдено.");
  const m = await db().message.findFirst({
    where: { AND: [{ id: id.data }, messageScope(user)] },
    select: {
      id: true,
      channel: true,
      externalId: true,
      regime: true,
      status: true,
      title: true,
      textClean: true,
      sourceUrl: true,
      authorName: true,
      authorPhone: true,
      authorEmail: true,
      authorProfile: true,
      address: true,
      locality: true,
      sourceCategory: true,
      sourceSubcategory: true,
      topicSource: true,
      topicConfidence: true,
      topicReason: true,
      blockSource: true,
      blockReason: true,
      needsReview: true,
      registeredAt: true,
      sourceCreatedAt: true,
      dueAt: true,
      dueLocalDate: true,
      atRiskAt: true,
      extensionCount: true,
      reopenCount: true,
      topicId: true,
      blockId: true,
      topic: { select: { code: true, name: true } },
      block: { select: { code: true, name: true } },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          createdAt: true,
          actor: { select: { fullName: true } },
        },
      },
    },
  });
  if (!m) throw new AppError("not_found", "Сообщение не найдено.");
  const canSeePersonal = seesPersonalData(user);
  // Personal data is also what the resident wrote into the text itself («тел. +7 914 …»): shown
  // to the roles that may read it (and audited), masked for the others.
  const hasPersonal =
    Boolean(m.authorName || m.authorPhone || m.authorEmail) || personalDataShown(user, m.title, m.textClean);
  if (canSeePersonal && hasPersonal) {
    await audit({ actorId: user.id, action: "personal_data_read", entity: "message", entityId: m.id });
  }
  const { authorName, authorPhone, authorEmail, authorProfile, ...rest } = m;
  return {
    ...rest,
    title: textFor(user, m.title),
    textClean: textFor(user, m.textClean),
    address: textFor(user, m.address),
    events: m.events.map((e) => ({ ...e, id: e.id.toString(), reason: textFor(user, e.reason) })),
    author: canSeePersonal
      ? { name: authorName, phone: authorPhone, email: authorEmail, profile: authorProfile }
      : null,
    deadlineState: deadlineStateOf(m),
  };
}

export type MessageDetails = Awaited<ReturnType<typeof getMessage>>;
