"use client";

import { saveCategoryAction } from "@/app/(desk)/admin/routing/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass } from "@/components/workflow/form-status";
import { Button } from "@/components/ui/button";

type TopicOption = { id: number; name: string };

/** One row of the ПОС category → topic table: change the topic. */
export function CategoryTopicForm({ id, category, subcategory, topicId, topics }: {
  id: number; category: string; subcategory: string; topicId: number; topics: TopicOption[];
}) {
  const { state, pending, form } = useFormAction(saveCategoryAction);
  const label = `${category}${subcategory ? ` / ${subcategory}` : " (вся категория)"}`;
  return (
    <form {...form} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="category" value={category} />
      <input type="hidden" name="subcategory" value={subcategory} />
      <label htmlFor={`category-topic-${id}`} className="sr-only">Тема для категории «{label}»</label>
      <select id={`category-topic-${id}`} name="topicId" defaultValue={topicId} className="rounded border border-slate-400 bg-white px-2 py-1 text-sm">
        {topics.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
      </select>
      <Button type="submit" disabled={pending} variant="secondary" size="sm">
        Сохранить<span className="sr-only"> тему категории «{label}»</span>
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

/** Adds a category (empty subcategory = the whole category) or a subcategory with its topic. */
export function CategoryAddForm({ topics }: { topics: TopicOption[] }) {
  const { state, pending, form } = useFormAction(saveCategoryAction, { resetOnSuccess: true });
  const field = (name: string) => ({ id: `category-new-${name}`, name, "aria-invalid": hasFieldError(state, name), "aria-describedby": `category-new-${name}-error` });
  return (
    <form {...form} className="space-y-3" noValidate data-testid="category-add-form">
      <div className="grid gap-3 md:grid-cols-3">
        <div>
          <label htmlFor="category-new-category" className={labelClass}>Категория ПОС</label>
          <input {...field("category")} type="text" required maxLength={TEXT_LIMITS.title} className={inputClass} />
          <FieldError state={state} name="category" id="category-new-category-error" />
        </div>
        <div>
          <label htmlFor="category-new-subcategory" className={labelClass}>Подкатегория (пусто — вся категория)</label>
          <input {...field("subcategory")} type="text" maxLength={TEXT_LIMITS.title} className={inputClass} />
          <FieldError state={state} name="subcategory" id="category-new-subcategory-error" />
        </div>
        <div>
          <label htmlFor="category-new-topicId" className={labelClass}>Тема</label>
          <select {...field("topicId")} required defaultValue="" className={inputClass}>
            <option value="">— выберите —</option>
            {topics.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <FieldError state={state} name="topicId" id="category-new-topicId-error" />
        </div>
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Сохранение…" : "Добавить категорию"}</Button>
      <FormStatus state={state} />
    </form>
  );
}
