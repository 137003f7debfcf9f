"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { AppLink as Link } from "@/components/ui/app-link";
import { answerProblemAction, type ProblemAnswerState } from "@/app/(desk)/problems/actions";
import { inputClass, labelClass } from "@/components/workflow/form-status";
import { ANSWER_OUTCOME_LABELS } from "@/lib/problems/labels";
import { CHANNEL_LABELS, type ChannelCodeT } from "@/lib/messages/labels";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { findTooLong } from "@/components/workflow/length-guard";
import { Button } from "@/components/ui/button";

/** «Ответ по проблеме»: one text for all open messages; the report lists what happened to each. */
export function ProblemAnswerForm({
  problemId,
  openCount,
  posCount,
}: {
  problemId: number;
  openCount: number;
  posCount: number;
}) {
  const [state, dispatch, pending] = useActionState<ProblemAnswerState, FormData>(answerProblemAction, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // Submitting through onSubmit keeps the typed text on a refusal; too long is refused here.
    const tooLong = findTooLong(e.currentTarget);
    setLocalError(tooLong?.message ?? null);
    if (tooLong) return tooLong.field.focus();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  const textError = localError ?? (state && !state.ok ? state.fieldErrors?.text?.[0] : undefined);
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate data-testid="problem-answer-form">
      <input type="hidden" name="problemId" value={problemId} />
      <p className="text-sm text-slate-700">
        Открытых сообщений: {openCount}. Каждое пройдёт свой путь: ответ будет одобрен от вашего имени и отправлен в
        канал сообщения;
        {posCount > 0
          ? ` сообщения ПОС (${posCount}) сначала ждут звонка куратора заявителю («Ждут звонка»).`
          : " сообщений ПОС среди них нет."}{" "}
        Сообщения на проверке, с запросом продления или не направленные в блок будут пропущены.
      </p>
      <label htmlFor="problem-answer" className={labelClass}>
        Текст ответа жителям
      </label>
      <textarea
        id="problem-answer"
        name="text"
        rows={6}
        className={inputClass}
        required
        maxLength={TEXT_LIMITS.answer}
        aria-invalid={Boolean(textError)}
        aria-describedby={textError ? "problem-answer-error" : undefined}
      />
      {textError && (
        <p id="problem-answer-error" className="text-sm text-red-800">
          {textError}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Отправляем…" : "Выпустить ответ по проблеме"}
      </Button>
      <div aria-live="polite" role="status">
        {state && !state.ok && !textError && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {state.message}
          </p>
        )}
        {state?.ok && (
          <div
            className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
            data-testid="problem-answer-report"
          >
            <p className="font-medium">{state.message}</p>
            <ul className="mt-1 list-disc pl-5">
              {state.data?.map((r) => (
                <li key={r.messageId}>
                  <Link href={`/messages/${r.messageId}`} className="underline">
                    № {r.messageId}
                  </Link>
                  {r.channel && ` (${CHANNEL_LABELS[r.channel as ChannelCodeT] ?? r.channel})`}:{" "}
                  {ANSWER_OUTCOME_LABELS[r.outcome]}
                  {r.detail ? ` — ${r.detail}` : ""}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </form>
  );
}
