"use client";

import { setTopicBlockAction } from "@/app/(desk)/admin/routing/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/workflow/form-status";
import { Button } from "@/components/ui/button";

/** One row of the topic → block table: the block that gets the topic's messages by default. */
export function TopicBlockForm({
  topicId,
  topicName,
  blockId,
  blocks,
}: {
  topicId: number;
  topicName: string;
  blockId: number;
  blocks: { id: number; shortName: string }[];
}) {
  const { state, pending, form } = useFormAction(setTopicBlockAction);
  return (
    <form {...form} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="topicId" value={topicId} />
      <label htmlFor={`topic-block-${topicId}`} className="sr-only">
        Блок для темы «{topicName}»
      </label>
      <select
        id={`topic-block-${topicId}`}
        name="blockId"
        defaultValue={blockId}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm"
      >
        {blocks.map((b) => (
          <option key={b.id} value={b.id}>
            {b.shortName}
          </option>
        ))}
      </select>
      <Button type="submit" disabled={pending} variant="secondary" size="sm">
        Сохранить<span className="sr-only"> блок темы «{topicName}»</span>
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
