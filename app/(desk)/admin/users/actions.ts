"use server";

import { revalidatePath } from "next/cache";
import { createUser, endUserSessions, setUserActive, setUserPassword, unlockUser, type FieldErrors } from "@/lib/admin/users";
import { AppError, publicMessage } from "@/lib/errors";

export type UserFormState = { ok: boolean; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> } | null;

export async function createUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  try {
    const raw = Object.fromEntries([...form.entries()].filter(([, v]) => v !== "").map(([k, v]) => [k, String(v)]));
    const r = await createUser(raw);
    // Hand the entries back (never the password) so the form keeps what the user typed.
    const { password: _password, ...values } = raw;
    if (!r.ok) return { ok: false, message: "Проверьте поля формы.", fieldErrors: r.fieldErrors, values };
    revalidatePath("/admin/users");
    return { ok: true, message: "Учётная запись создана." };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("user admin action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}

export async function userStateAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  try {
    const op = form.get("op");
    if (op === "unlock") await unlockUser(form.get("id"));
    else if (op === "end_sessions") await endUserSessions(form.get("id"));
    else await setUserActive({ id: form.get("id"), active: op === "enable" });
    revalidatePath("/admin/users");
    const messages: Record<string, string> = {
      unlock: "Учётная запись разблокирована.",
      end_sessions: "Все сеансы завершены: пользователю нужно войти заново.",
      enable: "Учётная запись включена.",
    };
    return { ok: true, message: messages[String(op)] ?? "Учётная запись отключена." };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("user admin action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}

export async function userPasswordAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  try {
    const r = await setUserPassword({ id: form.get("id"), password: form.get("password") });
    if (!r.ok) return { ok: false, message: r.message };
    revalidatePath("/admin/users");
    return { ok: true, message: "Пароль изменён, прежние сеансы завершены. Передайте пароль сотруднику лично." };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("user admin action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}
