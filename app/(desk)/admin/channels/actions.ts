"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { discardQuarantined, loadChannelNow, retryQuarantinedAsAdmin, setChannelPaused, setPullInterval } from "@/lib/admin/channels";
import { AppError, publicMessage } from "@/lib/errors";
import { formatNumber } from "@/lib/format";

export type ActionState = { ok: boolean; message: string } | null;

export async function togglePauseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const paused = form.get("paused") === "true";
    await setChannelPaused({ channel: form.get("channel"), paused });
    revalidatePath("/admin/channels");
    return { ok: true, message: paused ? "Канал приостановлен." : "Загрузка возобновлена." };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("channel action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}

export async function loadNowAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const r = await loadChannelNow(form.get("channel"));
    revalidatePath("/admin/channels");
    if (r.skipped === "paused") return { ok: false, message: "Канал приостановлен — сначала возобновите его." };
    if (r.skipped === "busy") return { ok: true, message: "Канал уже загружается другим процессом." };
    if (r.error) return { ok: false, message: `Ошибка канала: ${r.error}. Загружено до ошибки: ${formatNumber(r.inserted)}.` };
    return { ok: true, message: `Загружено новых: ${formatNumber(r.inserted)}, изменённых: ${formatNumber(r.edited)}, в карантин: ${formatNumber(r.quarantined)}.` };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("channel action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}

export async function retryQuarantineAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let savedId: number;
  try {
    const r = await retryQuarantinedAsAdmin({ id: form.get("id"), rawBody: form.get("rawBody") ?? undefined });
    if (!r.ok) return { ok: false, message: `Снова не прошло проверку: ${r.error}` };
    savedId = r.messageId;
  } catch (e) {
    if (!(e instanceof AppError)) console.error("channel action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
  // The item leaves the list once saved, so the confirmation is shown by the page itself.
  revalidatePath("/admin/channels");
  redirect(`/admin/channels?saved=${savedId}`);
}

export async function discardQuarantineAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await discardQuarantined(form.get("id"));
    revalidatePath("/admin/channels");
    return { ok: true, message: "Запись отклонена (она сохранена в журнале карантина)." };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("channel action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}

export async function intervalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const seconds = await setPullInterval({ channel: form.get("channel"), seconds: form.get("seconds") });
    revalidatePath("/admin/channels");
    return { ok: true, message: `Интервал загрузки: ${seconds} с.` };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("channel action failed", e);
    return { ok: false, message: publicMessage(e) };
  }
}
