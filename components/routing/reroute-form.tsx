"use client";

import { useRef, useState } from "react";
import { rerouteAction } from "@/app/(desk)/review/actions";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass } from "@/components/workflow/form-status";
import type { RerouteBlockOption, RerouteTopicOption } from "@/lib/routing/types";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { Button } from "@/components/ui/button";

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
  const { state, pending, form } = useFormAction(rerouteAction, { onSuccess: () => { if (reason.current) reason.current.value = ""; } });
  const [topicId, setTopicId] = useState(currentTopicId == null ? "" : String(currentTopicId));
  const [blockId, setBlockId] = useState(currentBlockId == null ? "" : String(currentBlockId));
  const id = (s: string) => `reroute-${messageId}-${s}`;
  return (
    <form {...form} className="space-y-2" noValidate data-testid={`reroute-form-${messageId}`}>
      <input type="hidden" name="messageId" value={messageId} />
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <label htmlFor={id("topic")} className={labelClass}>Тема</label>
          <select id={id("topic")} name="topicId" value={topicId} className={inputClass}
            aria-invalid={hasFieldError(state, "topicId")} aria-describedby={id("topic-error")}
            onChange={(e) => {
              setTopicId(e.target.value);
              const t = topics.find((x) => String(x.id) === e.target.value);
              if (t) setBlockId(String(t.blockId));
            }}>
            {currentTopicId == null && <option value="">— не определена —</option>}
            {topics.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <FieldError state={state} name="topicId" id={id("topic-error")} />
        </div>
        <div>
          <label htmlFor={id("block")} className={labelClass}>Блок</label>
          <select id={id("block")} name="blockId" value={blockId} className={inputClass} onChange={(e) => setBlockId(e.target.value)}
            aria-invalid={hasFieldError(state, "blockId")} aria-describedby={id("block-error")}>
            {currentBlockId == null && <option value="">— не выбран —</option>}
            {blocks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
          <FieldError state={state} name="blockId" id={id("block-error")} />
        </div>
      </div>
      <div>
        <label htmlFor={id("reason")} className={labelClass}>Причина изменения</label>
        <textarea ref={reason} id={id("reason")} name="reason" rows={2} required maxLength={TEXT_LIMITS.reason} className={inputClass}
          aria-invalid={hasFieldError(state, "reason")} aria-describedby={`${id("reason-error")} ${id("reason-hint")}`} />
        <p id={id("reason-hint")} className="mt-1 text-xs text-slate-700">Сохраняется в истории сообщения; исправленная тема пополняет обучающие данные классификатора.</p>
        <FieldError state={state} name="reason" id={id("reason-error")} />
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Сохранение…" : "Сохранить тему и блок"}</Button>
      <FormStatus state={state} />
    </form>
  );
}
