"use server";
// Thin server actions of the routing page: the lib functions authorize, validate and audit.
import { revalidatePath } from "next/cache";
import { formInput, runAction, type ActionState } from "@/lib/actions/action-state";
import { moveRule, saveCategoryMapping, saveRule, setRuleActive, setTopicBlock } from "@/lib/admin/routing";

function done(): void {
  revalidatePath("/admin/routing");
  revalidatePath("/admin/topics");
}

export async function setTopicBlockAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/routing/actions.ts", "setTopicBlockAction", async () => {
    await setTopicBlock(formInput(form));
    done();
    return "Блок темы изменён.";
  });
}

export async function saveRuleAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/routing/actions.ts", "saveRuleAction", async () => {
    const r = await saveRule(formInput(form));
    done();
    return r.created ? "Правило добавлено." : "Правило сохранено.";
  });
}

export async function setRuleActiveAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/routing/actions.ts", "setRuleActiveAction", async () => {
    const active = form.get("active") === "true";
    await setRuleActive({ id: form.get("id"), active });
    done();
    return active ? "Правило включено." : "Правило отключено.";
  });
}

export async function moveRuleAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/routing/actions.ts", "moveRuleAction", async () => {
    await moveRule(formInput(form));
    done();
    return "Порядок правил изменён.";
  });
}

export async function saveCategoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin/routing/actions.ts", "saveCategoryAction", async () => {
    const r = await saveCategoryMapping(formInput(form));
    done();
    return r.created ? "Категория добавлена." : "Тема категории изменена.";
  });
}
