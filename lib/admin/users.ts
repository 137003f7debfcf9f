import "server-only";
import type { FieldErrors } from "@/lib/actions/action-state";
import { z } from "zod";
import { NUMBER_LIMITS, TEXT_LIMITS, text, tooLongMessage } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/passwords";
import { endSessions } from "@/lib/auth/session-version";
import { ROLES } from "@/lib/auth/roles";
import { audit } from "@/lib/audit";
import { clearQueueOptions } from "@/lib/queue/options";
import { AppError } from "@/lib/errors";

export const newUserSchema = z
  .object({
    login: z
      .string()
      .trim()
      .regex(/^[a-z0-9_.-]{3,40}$/, "Логин: 3–40 латинских строчных букв, цифр, «_», «.», «-»."),
    fullName: text({ max: TEXT_LIMITS.name, min: 3, minMessage: "Укажите ФИО." }),
    email: z.union([z.literal(""), z.email("Неверный e-mail.").max(TEXT_LIMITS.email, "Неверный e-mail.")]).optional(),
    role: z.enum(ROLES, "Выберите роль."),
    blockId: z.coerce.number().int().positive().max(NUMBER_LIMITS.id.max, "Выберите блок из списка.").optional(),
    // Not cleaned or trimmed: a password is used exactly as typed.
    password: z
      .string()
      .min(10, "Пароль не короче 10 символов.")
      .max(TEXT_LIMITS.password, tooLongMessage(TEXT_LIMITS.password)),
  })
  .refine((u) => u.role !== "block_head" || u.blockId, {
    message: "Руководителю блока нужен блок.",
    path: ["blockId"],
  });

export async function createUser(
  raw: Record<string, unknown>,
): Promise<{ ok: true; id: number } | { ok: false; fieldErrors: FieldErrors }> {
  const admin = await authorize("admin.users");
  const p = newUserSchema.safeParse(raw);
  if (!p.success) {
    const fieldErrors: FieldErrors = {};
    for (const i of p.error.issues) fieldErrors[String(i.path[0])] ??= [i.message];
    return { ok: false, fieldErrors };
  }
  if (await db().user.findUnique({ where: { login: p.data.login }, select: { id: true } })) {
    return { ok: false, fieldErrors: { login: ["Такой логин уже есть."] } };
  }
  const u = await db().user.create({
    data: {
      login: p.data.login,
      fullName: p.data.fullName,
      email: p.data.email || null,
      role: p.data.role,
      blockId: p.data.role === "block_head" ? p.data.blockId : null,
      passwordHash: await hashPassword(p.data.password),
    },
    select: { id: true },
  });
  clearQueueOptions();
  await audit({
    actorId: admin.id,
    action: "user_created",
    entity: "user",
    entityId: u.id,
    data: { login: p.data.login, role: p.data.role },
  });
  return { ok: true, id: u.id };
}

export async function unlockUser(raw: unknown): Promise<void> {
  const admin = await authorize("admin.users");
  const id = z.coerce.number().int().positive().safeParse(raw);
  if (!id.success) throw new AppError("invalid_input", "Неверный запрос.");
  await db().user.update({ where: { id: id.data }, data: { lockedUntil: null, failedLogins: 0 } });
  await audit({ actorId: admin.id, action: "user_unlocked", entity: "user", entityId: id.data });
}

/** Accounts are disabled, never deleted: their history and audit entries stay attributable. */
export async function setUserActive(raw: { id: unknown; active: unknown }): Promise<void> {
  const admin = await authorize("admin.users");
  const p = z.object({ id: z.coerce.number().int().positive(), active: z.boolean() }).safeParse(raw);
  if (!p.success) throw new AppError("invalid_input", "Неверный запрос.");
  if (p.data.id === admin.id && !p.data.active)
    throw new AppError("invalid_input", "Нельзя отключить собственную учётную запись.");
  // Disabling also ends the sessions, so enabling the account later does not revive old cookies.
  const ended = p.data.active ? {} : { sessionVersion: { increment: 1 } };
  await db().user.update({ where: { id: p.data.id }, data: { active: p.data.active, ...ended } });
  clearQueueOptions();
  await audit({
    actorId: admin.id,
    action: p.data.active ? "user_enabled" : "user_disabled",
    entity: "user",
    entityId: p.data.id,
  });
}

/** «Завершить все сеансы»: every signed-in copy of the user's session stops working at its next
 * request (a lost phone, a shared computer, a suspected leak). */
export async function endUserSessions(raw: unknown): Promise<void> {
  const admin = await authorize("admin.users");
  const id = z.coerce.number().int().positive().safeParse(raw);
  if (!id.success) throw new AppError("invalid_input", "Неверный запрос.");
  await endSessions(id.data);
  await audit({ actorId: admin.id, action: "user_sessions_ended", entity: "user", entityId: id.data });
}

/** A new password set by the МЦУ head (a forgotten one, a suspected leak): the old sessions end,
 * a lock is lifted. The person changes nothing themself; the administrator hands it over. */
export async function setUserPassword(raw: {
  id: unknown;
  password: unknown;
}): Promise<{ ok: true } | { ok: false; message: string }> {
  const admin = await authorize("admin.users");
  const p = z.object({ id: z.coerce.number().int().positive(), password: newUserSchema.shape.password }).safeParse(raw);
  if (!p.success)
    return {
      ok: false,
      message: p.error.issues[0]?.path[0] === "password" ? p.error.issues[0].message : "Неверный запрос.",
    };
  await db().user.update({
    where: { id: p.data.id },
    data: {
      passwordHash: await hashPassword(p.data.password),
      failedLogins: 0,
      lockedUntil: null,
      sessionVersion: { increment: 1 },
    },
  });
  await audit({ actorId: admin.id, action: "user_password_set", entity: "user", entityId: p.data.id });
  return { ok: true };
}
