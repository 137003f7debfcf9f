"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  discardQuarantined,
  loadChannelNow,
  retryQuarantinedAsAdmin,
  setChannelPaused,
  setPullInterval,
} from "@/lib/admin/channels";
import { AppError } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { runAction, type ActionState as State } from "@/lib/actions/action-state";

export type ActionState = State;

export async function togglePauseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/channels/actions.ts", "togglePauseAction", async () => {
    const paused = form.get("paused") === "true";
    await setChannelPaused({ channel: form.get("channel"), paused });
    revalidatePath("/admin/channels");
    return paused ? "Канал приостановлен." : "Загрузка возобновлена.";
  });
}

export async function loadNowAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/channels/actions.ts", "loadNowAction", async () => {
    const r = await loadChannelNow(form.get("channel"));
    revalidatePath("/admin/channels");
    if (r.skipped === "paused") throw new AppError("conflict", "Канал приостановлен — сначала возобновите его.");
    if (r.skipped === "busy") return "Канал уже загружается другим процессом.";
    if (r.error)
      throw new AppError("conflict", `Ошибка канала: ${r.error}. Загружено до ошибки: ${formatNumber(r.inserted)}.`);
    return `Загружено новых: ${formatNumber(r.inserted)}, изменённых: ${formatNumber(r.edited)}, в карантин: ${formatNumber(r.quarantined)}.`;
  });
}

export async function retryQuarantineAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const r = await runAction<"admin/channels/actions.ts", { savedId: number }>(
    "admin/channels/actions.ts",
    "retryQuarantineAction",
    async () => {
      const q = await retryQuarantinedAsAdmin({ id: form.get("id"), rawBody: form.get("rawBody") ?? undefined });
      if (!q.ok) throw new AppError("invalid_input", `Снова не прошло проверку: ${q.error}`);
      return { data: { savedId: q.messageId } };
    },
  );
  if (!r.ok) return r;
  if (!r.data) return { ok: true, message: "", at: r.at };
  // The item leaves the list once saved, so the confirmation is shown by the page itself.
  revalidatePath("/admin/channels");
  redirect(`/admin/channels?saved=${r.data.savedId}`);
}

export async function discardQuarantineAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/channels/actions.ts", "discardQuarantineAction", async () => {
    await discardQuarantined(form.get("id"));
    revalidatePath("/admin/channels");
    return "Запись отклонена (она сохранена в журнале карантина).";
  });
}

export async function intervalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/channels/actions.ts", "intervalAction", async () => {
    const seconds = await setPullInterval({ channel: form.get("channel"), seconds: form.get("seconds") });
    revalidatePath("/admin/channels");
    return `Интервал загрузки: ${seconds} с.`;
  });
}
