"use server";
// Thin server actions of the message page: authorize → lib/workflow function → revalidate.
// Expected failures come back in words; anything else is logged and replaced by a generic text.
import { revalidatePath } from "next/cache";
import type { CurrentUser } from "@/lib/auth/session";
import type { ACTION_PERMISSIONS } from "@/lib/auth/permissions";
import { runAction, type ActionState } from "@/lib/actions/action-state";
import { AppError } from "@/lib/errors";
import { acceptMessage } from "@/lib/workflow/accept";
import { returnMisrouted } from "@/lib/workflow/return-misrouted";
import { saveDraft } from "@/lib/workflow/save-draft";
import { submitAnswer } from "@/lib/workflow/submit-answer";
import { requestExtension } from "@/lib/workflow/request-extension";
import { reviewAnswer } from "@/lib/workflow/review-answer";
import { decideExtension } from "@/lib/workflow/decide-extension";
import { logContact } from "@/lib/workflow/log-contact";
import { releaseAnswer } from "@/lib/workflow/release-answer";
import { dispatchAnswer } from "@/lib/workflow/dispatch-answer";
import { removeAttachment } from "@/lib/workflow/remove-attachment";

type Module = "messages/[id]/actions.ts";
type Name = keyof (typeof ACTION_PERMISSIONS)[Module] & string;

// The message page's actions take the form as a plain object (a repeated «checklist» as a list),
// and every change shows in the bell, the lists and the message page.
function run(
  name: Name,
  form: FormData,
  fn: (user: CurrentUser, input: Record<string, unknown>) => Promise<string | void>,
): Promise<ActionState> {
  const input: Record<string, unknown> = Object.fromEntries(
    [...form.keys()].map((k) => [k, k === "checklist" ? form.getAll(k) : form.get(k)]),
  );
  return runAction("messages/[id]/actions.ts", name, async (user) => {
    try {
      return await fn(user, input);
    } finally {
      revalidatePath("/", "layout");
    }
  });
}

export async function acceptAction(_: ActionState, form: FormData) {
  return run("acceptAction", form, async (u, i) => {
    await acceptMessage(u, i);
    return "Сообщение принято в работу.";
  });
}

export async function returnMisroutedAction(_: ActionState, form: FormData) {
  return run("returnMisroutedAction", form, async (u, i) => {
    await returnMisrouted(u, i);
    return "Сообщение возвращено координатору.";
  });
}

export async function saveDraftAction(_: ActionState, form: FormData) {
  return run("saveDraftAction", form, async (u, i) => {
    await saveDraft(u, i);
    return "Черновик сохранён.";
  });
}

export async function submitAnswerAction(_: ActionState, form: FormData) {
  return run("submitAnswerAction", form, async (u, i) => {
    const r = await submitAnswer(u, i);
    return `Ответ отправлен на проверку (раунд ${r.round}).`;
  });
}

export async function requestExtensionAction(_: ActionState, form: FormData) {
  return run("requestExtensionAction", form, async (u, i) => {
    await requestExtension(u, i);
    return "Запрос на продление отправлен координатору.";
  });
}

export async function reviewAction(_: ActionState, form: FormData) {
  return run("reviewAction", form, async (u, i) => {
    const r = await reviewAnswer(u, i);
    if (r.next === "in_work") return "Ответ возвращён на доработку.";
    if (r.next === "awaiting_contact") return "Ответ одобрен. Куратор позвонит заявителю перед отправкой.";
    // Non-ПОС: send at once; a failure leaves the approved answer for a retry.
    const d = await dispatchAnswer(r.answerId, u.id);
    if (d.status === "failed")
      throw new AppError(
        "conflict",
        `Ответ одобрен, но отправить его не удалось: ${d.error}. Повторите отправку кнопкой «Отправить ответ».`,
      );
    return "Ответ одобрен и отправлен заявителю.";
  });
}

export async function decideExtensionAction(_: ActionState, form: FormData) {
  return run("decideExtensionAction", form, async (u, i) => {
    const r = await decideExtension(u, i);
    return r.newDueAt ? "Срок продлён." : "В продлении отказано.";
  });
}

export async function logContactAction(_: ActionState, form: FormData) {
  return run("logContactAction", form, async (u, i) => {
    await logContact(u, i);
    return "Звонок записан.";
  });
}

export async function releaseAction(_: ActionState, form: FormData) {
  return run("releaseAction", form, async (u, i) => {
    const r = await releaseAnswer(u, i);
    return r.status === "released" ? "Ответ отправлен заявителю." : "Ответ уже был отправлен.";
  });
}

export async function removeAttachmentAction(_: ActionState, form: FormData) {
  return run("removeAttachmentAction", form, async (u, i) => {
    await removeAttachment(u, i);
    return "Файл удалён из черновика.";
  });
}
