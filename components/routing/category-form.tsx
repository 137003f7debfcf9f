"use client";

import { saveCategoryAction } from "@/app/(desk)/admin/routing/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { FormStatus, inputClass, fieldError } from "@/components/workflow/form-status";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type TopicOption = { id: number; name: string };

/** One row of the ПОС category → topic table: change the topic. */
export function CategoryTopicForm({
  id,
  category,
  subcategory,
  topicId,
  topics,
}: {
  id: number;
  category: string;
  subcategory: string;
  topicId: number;
  topics: TopicOption[];
}) {
  const { state, pending, form } = useFormAction(saveCategoryAction);
  const label = `${category}${subcategory ? ` / ${subcategory}` : " (вся категория)"}`;
  return (
    <form {...form} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="category" value={category} />
      <input type="hidden" name="subcategory" value={subcategory} />
      <label htmlFor={`category-topic-${id}`} className="sr-only">
        Тема для категории «{label}»
      </label>
      <select
        id={`category-topic-${id}`}
        name="topicId"
        defaultValue={topicId}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm"
      >
        {topics.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
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
  return (
    <form {...form} className="space-y-3" noValidate data-testid="category-add-form">
      <div className="grid gap-3 md:grid-cols-3">
        <Field id="category-new-category" label="Категория ПОС" error={fieldError(state, "category")}>
          <input name="category" type="text" required maxLength={TEXT_LIMITS.title} className={inputClass} />
        </Field>
        <Field
          id="category-new-subcategory"
          label="Подкатегория (пусто — вся категория)"
          error={fieldError(state, "subcategory")}
        >
          <input name="subcategory" type="text" maxLength={TEXT_LIMITS.title} className={inputClass} />
        </Field>
        <Field id="category-new-topicId" label="Тема" error={fieldError(state, "topicId")}>
          <select name="topicId" required defaultValue="" className={inputClass}>
            <option value="">— выберите —</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Сохранение…" : "Добавить категорию"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
