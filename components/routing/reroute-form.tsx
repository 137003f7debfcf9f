"use client";

import { useRef, useState } from "react";
import { rerouteAction } from "@/app/(desk)/review/actions";
import { FormStatus, inputClass, fieldError } from "@/components/workflow/form-status";
import type { RerouteBlockOption, RerouteTopicOption } from "@/lib/routing/types";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export type { RerouteBlockOption, RerouteTopicOption };

export type RerouteFormProps = {
  messageId: number;
  currentTopicId: number | null;
  currentBlockId: number | null;
  topics: RerouteTopicOption[];
  blocks: RerouteBlockOption[];
};

/**
 * The coordinator fixes a message's topic and block, with a reason (kept in the history and, for
 * a topic, as training data for the classifier). Choosing a topic pre-selects the block that owns
 * it; the block can still be changed by hand. A message waiting for routing goes to the chosen block.
 */
export function RerouteForm({ messageId, currentTopicId, currentBlockId, topics, blocks }: RerouteFormProps) {
  const reason = useRef<HTMLTextAreaElement>(null);
  const { state, pending, form } = useFormAction(rerouteAction, {
    onSuccess: () => {
      if (reason.current) reason.current.value = "";
    },
  });
  const [topicId, setTopicId] = useState(currentTopicId == null ? "" : String(currentTopicId));
  const [blockId, setBlockId] = useState(currentBlockId == null ? "" : String(currentBlockId));
  const id = (s: string) => `reroute-${messageId}-${s}`;
  return (
    <form {...form} className="space-y-2" noValidate data-testid={`reroute-form-${messageId}`}>
      <input type="hidden" name="messageId" value={messageId} />
      <div className="grid gap-2 sm:grid-cols-2">
        <Field id={id("topic")} label="Тема" error={fieldError(state, "topicId")}>
          <select
            name="topicId"
            value={topicId}
            className={inputClass}
            onChange={(e) => {
              setTopicId(e.target.value);
              const t = topics.find((x) => String(x.id) === e.target.value);
              if (t) setBlockId(String(t.blockId));
            }}
          >
            {currentTopicId == null && <option value="">— не определена —</option>}
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("block")} label="Блок" error={fieldError(state, "blockId")}>
          <select name="blockId" value={blockId} className={inputClass} onChange={(e) => setBlockId(e.target.value)}>
            {currentBlockId == null && <option value="">— не выбран —</option>}
            {blocks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        id={id("reason")}
        label="Причина изменения"
        error={fieldError(state, "reason")}
        hint="Сохраняется в истории сообщения; исправленная тема пополняет обучающие данные классификатора."
      >
        <textarea ref={reason} name="reason" rows={2} required maxLength={TEXT_LIMITS.reason} className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Сохранение…" : "Сохранить тему и блок"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
