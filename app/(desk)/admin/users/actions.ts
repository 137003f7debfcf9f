"use server";

import { revalidatePath } from "next/cache";
import { createUser, endUserSessions, setUserActive, setUserPassword, unlockUser } from "@/lib/admin/users";
import { AppError } from "@/lib/errors";
import { runAction, type ActionState } from "@/lib/actions/action-state";

export type UserFormState = ActionState;

export async function createUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const raw = Object.fromEntries([...form.entries()].filter(([, v]) => v !== "").map(([k, v]) => [k, String(v)]));
  // Handed back on a refusal (never the password) so the form keeps what the user typed.
  const { password: _password, ...values } = raw;
  return runAction(
    "admin/users/actions.ts",
    "createUserAction",
    async () => {
      const r = await createUser(raw);
      if (!r.ok) throw new AppError("invalid_input", "Проверьте поля формы.", r.fieldErrors);
      revalidatePath("/admin/users");
      return "Учётная запись создана.";
    },
    { values },
  );
}

const STATE_MESSAGES: Record<string, string> = {
  unlock: "Учётная запись разблокирована.",
  end_sessions: "Все сеансы завершены: пользователю нужно войти заново.",
  enable: "Учётная запись включена.",
};

export async function userStateAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  return runAction("admin/users/actions.ts", "userStateAction", async () => {
    const op = form.get("op");
    if (op === "unlock") await unlockUser(form.get("id"));
    else if (op === "end_sessions") await endUserSessions(form.get("id"));
    else await setUserActive({ id: form.get("id"), active: op === "enable" });
    revalidatePath("/admin/users");
    return STATE_MESSAGES[String(op)] ?? "Учётная запись отключена.";
  });
}

export async function userPasswordAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  return runAction("admin/users/actions.ts", "userPasswordAction", async () => {
    const r = await setUserPassword({ id: form.get("id"), password: form.get("password") });
    if (!r.ok) throw new AppError("invalid_input", r.message);
    revalidatePath("/admin/users");
    return "Пароль изменён, прежние сеансы завершены. Передайте пароль сотруднику лично.";
  });
}
