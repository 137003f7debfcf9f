"use server";
import { revalidatePath } from "next/cache";
import { copyReport, deleteReport, renameReport, saveReport, setReportShared } from "@/lib/analytics/report-saved";
import { runAction, type ActionResult } from "@/lib/actions/action-state";

/** The saved report's id comes back as data (the list selects it). */
export type ReportActionResult = ActionResult<{ id: number }>;

export async function saveReportAction(input: { name: string; config: unknown }): Promise<ReportActionResult> {
  return runAction("reports/actions.ts", "saveReportAction", async (user) => {
    const r = await saveReport(user, input);
    revalidatePath("/reports");
    return { message: `Отчёт «${r.name}» сохранён.`, data: { id: r.id } };
  });
}

export async function renameReportAction(input: { id: number; name: string }): Promise<ReportActionResult> {
  return runAction("reports/actions.ts", "renameReportAction", async (user) => {
    const r = await renameReport(user, input);
    revalidatePath("/reports");
    return { message: `Отчёт переименован в «${r.name}».`, data: { id: r.id } };
  });
}

export async function shareReportAction(input: { id: number; shared: boolean }): Promise<ReportActionResult> {
  return runAction("reports/actions.ts", "shareReportAction", async (user) => {
    const r = await setReportShared(user, input);
    revalidatePath("/reports");
    return {
      message: r.shared ? `Отчёт «${r.name}» открыт для коллег.` : `Отчёт «${r.name}» снова виден только вам.`,
      data: { id: r.id },
    };
  });
}

export async function deleteReportAction(id: number): Promise<ReportActionResult> {
  return runAction("reports/actions.ts", "deleteReportAction", async (user) => {
    await deleteReport(user, id);
    revalidatePath("/reports");
    return "Отчёт удалён.";
  });
}

export async function copyReportAction(id: number): Promise<ReportActionResult> {
  return runAction("reports/actions.ts", "copyReportAction", async (user) => {
    const r = await copyReport(user, id);
    revalidatePath("/reports");
    return { message: `Скопировано в ваши отчёты как «${r.name}».`, data: { id: r.id } };
  });
}
