"use server";
import { revalidatePath } from "next/cache";
import { formInput, runAction, type ActionState } from "@/lib/actions/action-state";
import { runClusteringNow } from "@/lib/problems/run-clustering";
import { renameProblem } from "@/lib/problems/rename-problem";
import { setProblemStatus } from "@/lib/problems/set-problem-status";
import { mergeProblems } from "@/lib/problems/merge-problems";
import { splitProblem } from "@/lib/problems/split-problem";
import { attachMessage } from "@/lib/problems/attach-message";
import { detachMessage } from "@/lib/problems/detach-message";
import { answerProblem, type ProblemAnswerReport } from "@/lib/problems/answer-problem";

// runAction checks "problem.edit" here and each data function again (server actions are public
// endpoints); inputs are validated by each data function's zod schema.

function revalidate(...ids: (number | string | null | undefined)[]) {
  revalidatePath("/problems");
  for (const id of ids) if (id) revalidatePath(`/problems/${id}`);
}

export async function clusterNowAction(_: ActionState, _form: FormData): Promise<ActionState> {
  return runAction("problems/actions.ts", "clusterNowAction", async (user) => {
    const r = await runClusteringNow(user);
    revalidate();
    if (!r.created && !r.attached) return "Новых связанных сообщений не найдено.";
    return `Создано проблем: ${r.created}; пополнено: ${r.attached}.`;
  });
}

export async function renameProblemAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("problems/actions.ts", "renameProblemAction", async (user) => {
    const input = formInput(form);
    await renameProblem(user, input);
    revalidate(String(input.problemId));
    return "Название сохранено.";
  });
}

export async function problemStatusAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("problems/actions.ts", "problemStatusAction", async (user) => {
    const input = formInput(form);
    await setProblemStatus(user, input);
    revalidate(String(input.problemId));
    return "Статус проблемы изменён.";
  });
}

export async function mergeProblemAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("problems/actions.ts", "mergeProblemAction", async (user) => {
    const input = formInput(form);
    const r = await mergeProblems(user, input);
    revalidate(String(input.problemId), String(input.targetId));
    return `Проблема объединена с № ${String(input.targetId)}; перенесено сообщений: ${r.moved}.`;
  });
}

export async function splitProblemAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("problems/actions.ts", "splitProblemAction", async (user) => {
    const r = await splitProblem(user, { ...formInput(form), messageIds: form.getAll("messageIds") });
    revalidate(String(form.get("problemId")), r.id);
    return `Выделена новая проблема № ${r.id}.`;
  });
}

export async function attachMessageAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("problems/actions.ts", "attachMessageAction", async (user) => {
    const input = formInput(form);
    await attachMessage(user, input);
    revalidate(String(input.problemId));
    revalidatePath(`/messages/${String(input.messageId)}`);
    return `Сообщение № ${String(input.messageId)} прикреплено.`;
  });
}

export async function detachMessageAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("problems/actions.ts", "detachMessageAction", async (user) => {
    const input = formInput(form);
    await detachMessage(user, input);
    revalidate(String(input.problemId));
    revalidatePath(`/messages/${String(input.messageId)}`);
    return `Сообщение № ${String(input.messageId)} откреплено.`;
  });
}

export type ProblemAnswerState = ActionState<ProblemAnswerReport[]>;

/** «Ответ по проблеме»: the per-message report comes back to the form. */
export async function answerProblemAction(_: ProblemAnswerState, form: FormData): Promise<ProblemAnswerState> {
  return runAction("problems/actions.ts", "answerProblemAction", async (user) => {
    const report = await answerProblem(user, formInput(form));
    revalidatePath("/", "layout");
    const n = (o: ProblemAnswerReport["outcome"]) => report.filter((r) => r.outcome === o).length;
    return {
      message: `Отправлено: ${n("released")}; ждут звонка куратора: ${n("awaiting_contact")}; ошибок отправки: ${n("failed")}; пропущено: ${n("skipped")}.`,
      data: report,
    };
  });
}
