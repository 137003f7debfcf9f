"use server";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { AppError, publicMessage } from "@/lib/errors";
import { actionState, formInput, type ActionState } from "@/lib/actions/action-state";
import { runClusteringNow } from "@/lib/problems/run-clustering";
import { renameProblem } from "@/lib/problems/rename-problem";
import { setProblemStatus } from "@/lib/problems/set-problem-status";
import { mergeProblems } from "@/lib/problems/merge-problems";
import { splitProblem } from "@/lib/problems/split-problem";
import { attachMessage } from "@/lib/problems/attach-message";
import { detachMessage } from "@/lib/problems/detach-message";
import { answerProblem, type ProblemAnswerReport } from "@/lib/problems/answer-problem";

// Every action re-checks the role here and again in the data function (server actions are public
// endpoints); inputs are validated by each data function's zod schema.
const editor = () => authorize("problem.edit");

function revalidate(...ids: (number | string | null | undefined)[]) {
  revalidatePath("/problems");
  for (const id of ids) if (id) revalidatePath(`/problems/${id}`);
}

export async function clusterNowAction(_: ActionState, _form: FormData): Promise<ActionState> {
  return actionState("clusterNowAction", async () => {
    const r = await runClusteringNow(await editor());
    revalidate();
    if (!r.created && !r.attached) return "Новых связанных сообщений не найдено.";
    return `Создано проблем: ${r.created}; пополнено: ${r.attached}.`;
  });
}

export async function renameProblemAction(_: ActionState, form: FormData): Promise<ActionState> {
  return actionState("renameProblemAction", async () => {
    const input = formInput(form);
    await renameProblem(await editor(), input);
    revalidate(String(input.problemId));
    return "Название сохранено.";
  });
}

export async function problemStatusAction(_: ActionState, form: FormData): Promise<ActionState> {
  return actionState("problemStatusAction", async () => {
    const input = formInput(form);
    await setProblemStatus(await editor(), input);
    revalidate(String(input.problemId));
    return "Статус проблемы изменён.";
  });
}

export async function mergeProblemAction(_: ActionState, form: FormData): Promise<ActionState> {
  return actionState("mergeProblemAction", async () => {
    const input = formInput(form);
    const r = await mergeProblems(await editor(), input);
    revalidate(String(input.problemId), String(input.targetId));
    return `Проблема объединена с № ${String(input.targetId)}; перенесено сообщений: ${r.moved}.`;
  });
}

export async function splitProblemAction(_: ActionState, form: FormData): Promise<ActionState> {
  return actionState("splitProblemAction", async () => {
    const r = await splitProblem(await editor(), { ...formInput(form), messageIds: form.getAll("messageIds") });
    revalidate(String(form.get("problemId")), r.id);
    return `Выделена новая проблема № ${r.id}.`;
  });
}

export async function attachMessageAction(_: ActionState, form: FormData): Promise<ActionState> {
  return actionState("attachMessageAction", async () => {
    const input = formInput(form);
    await attachMessage(await editor(), input);
    revalidate(String(input.problemId));
    revalidatePath(`/messages/${String(input.messageId)}`);
    return `Сообщение № ${String(input.messageId)} прикреплено.`;
  });
}

export async function detachMessageAction(_: ActionState, form: FormData): Promise<ActionState> {
  return actionState("detachMessageAction", async () => {
    const input = formInput(form);
    await detachMessage(await editor(), input);
    revalidate(String(input.problemId));
    revalidatePath(`/messages/${String(input.messageId)}`);
    return `Сообщение № ${String(input.messageId)} откреплено.`;
  });
}

export type ProblemAnswerState = { ok: boolean; message: string; report?: ProblemAnswerReport[]; fieldErrors?: Record<string, string[] | undefined>; at: number } | null;

/** «Ответ по проблеме»: the per-message report comes back to the form. */
export async function answerProblemAction(_: ProblemAnswerState, form: FormData): Promise<ProblemAnswerState> {
  try {
    const input = formInput(form);
    const report = await answerProblem(await editor(), input);
    revalidatePath("/", "layout");
    const n = (o: ProblemAnswerReport["outcome"]) => report.filter((r) => r.outcome === o).length;
    return { ok: true, report, at: Date.now(), message: `Отправлено: ${n("released")}; ждут звонка куратора: ${n("awaiting_contact")}; ошибок отправки: ${n("failed")}; пропущено: ${n("skipped")}.` };
  } catch (e) {
    if (!(e instanceof AppError)) console.error("problem answer failed", e);
    const fieldErrors = e instanceof AppError && e.code === "invalid_input" ? (e.details as Record<string, string[] | undefined> | undefined) : undefined;
    return { ok: false, message: publicMessage(e), fieldErrors, at: Date.now() };
  }
}
