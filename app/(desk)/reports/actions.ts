"use server";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { AppError, publicMessage } from "@/lib/errors";
import { copyReport, deleteReport, renameReport, saveReport, setReportShared } from "@/lib/analytics/report-saved";

export type ReportActionResult = { ok: boolean; message: string; id?: number; at: number };

async function run(fn: () => Promise<{ message: string; id?: number }>): Promise<ReportActionResult> {
  try {
    const r = await fn();
    revalidatePath("/reports");
    return { ok: true, ...r, at: Date.now() };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("report action failed", e);
    return { ok: false, message: publicMessage(e), at: Date.now() };
  }
}

export async function saveReportAction(input: { name: string; config: unknown }): Promise<ReportActionResult> {
  return run(async () => {
    const user = await authorize("report.read");
    const r = await saveReport(user, input);
    return { message: `Отчёт «${r.name}» сохранён.`, id: r.id };
  });
}

export async function renameReportAction(input: { id: number; name: string }): Promise<ReportActionResult> {
  return run(async () => {
    const user = await authorize("report.read");
    const r = await renameReport(user, input);
    return { message: `Отчёт переименован в «${r.name}».`, id: r.id };
  });
}

export async function shareReportAction(input: { id: number; shared: boolean }): Promise<ReportActionResult> {
  return run(async () => {
    const user = await authorize("report.read");
    const r = await setReportShared(user, input);
    return { message: r.shared ? `Отчёт «${r.name}» открыт для коллег.` : `Отчёт «${r.name}» снова виден только вам.`, id: r.id };
  });
}

export async function deleteReportAction(id: number): Promise<ReportActionResult> {
  return run(async () => {
    const user = await authorize("report.read");
    await deleteReport(user, id);
    return { message: "Отчёт удалён." };
  });
}

export async function copyReportAction(id: number): Promise<ReportActionResult> {
  return run(async () => {
    const user = await authorize("report.read");
    const r = await copyReport(user, id);
    return { message: `Скопировано в ваши отчёты как «${r.name}».`, id: r.id };
  });
}
