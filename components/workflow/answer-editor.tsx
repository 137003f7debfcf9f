"use client";

import { useActionState, useMemo, useState, type ClipboardEvent, type FormEvent } from "react";
import { saveDraftAction, submitAnswerAction } from "@/app/(desk)/messages/[id]/actions";
import { ANSWER_TEMPLATES, templateByCode } from "@/lib/workflow/templates";
import { answerWarnings } from "@/lib/workflow/answer-quality";
import { TEXT_LIMITS, textLength, tooLongMessage } from "@/lib/validation/limits";
import type { ActionState } from "@/lib/actions/action-state";
import { findTooLong } from "./length-guard";
import { ConfirmButton } from "./confirm-button";
import { FieldError, FormStatus, hasFieldError, inputClass, labelClass, secondaryButton } from "./form-status";
import { Button } from "@/components/ui/button";

function latest(a: ActionState, b: ActionState): ActionState {
  return (a?.at ?? 0) >= (b?.at ?? 0) ? a : b;
}

const MAX = TEXT_LIMITS.answer;
const ru = new Intl.NumberFormat("ru-RU");

/** The block head's answer: per-topic template, live warnings about formal answers, draft/submit.
 * The text is controlled state, so neither a refusal nor React's reset after an action clears it;
 * a text over the limit is refused here before anything is sent (see length-guard.ts). */
export function AnswerEditor({
  messageId,
  initialText,
  initialTemplate,
  suggestedTemplate,
  round,
}: {
  messageId: number;
  initialText: string;
  initialTemplate: string | null;
  suggestedTemplate: string;
  round: number;
}) {
  const [draftState, draftAction, drafting] = useActionState(saveDraftAction, null);
  const [submitState, submitAction, submitting] = useActionState(submitAnswerAction, null);
  const [text, setText] = useState(initialText);
  const [chosen, setChosen] = useState(initialTemplate ?? suggestedTemplate);
  const [templateCode, setTemplateCode] = useState(initialTemplate ?? "");
  const warnings = useMemo(() => (text.trim() ? answerWarnings(text) : []), [text]);
  // A refusal in the browser; cleared by the next submit that goes to the server.
  const [localError, setLocalError] = useState<string | null>(null);
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const serverState = latest(draftState, submitState);
  const state: ActionState = localError
    ? { ok: false, message: localError, fieldErrors: { text: [localError] } }
    : serverState;
  const length = textLength(text);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const tooLong = findTooLong(e.currentTarget);
    if (tooLong) {
      e.preventDefault();
      setLocalError(tooLong.message);
      tooLong.field.focus();
    } else {
      setLocalError(null);
    }
  };
  // maxLength cuts a paste that does not fit; say so instead of dropping the tail silently.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const t = e.currentTarget;
    const after = t.value.length - (t.selectionEnd - t.selectionStart) + e.clipboardData.getData("text").length;
    setPasteNote(
      after > MAX
        ? `Вставленный текст не поместился целиком: ${tooLongMessage(MAX).toLowerCase()} Проверьте конец ответа.`
        : null,
    );
  };
  const insert = () => {
    const t = templateByCode(chosen);
    if (t) {
      setText(t.text);
      setTemplateCode(t.code);
    }
  };
  return (
    <form action={submitAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="templateCode" value={templateCode} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="answer-template" className={labelClass}>
            Шаблон по теме
          </label>
          <select
            id="answer-template"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            className={inputClass}
          >
            {ANSWER_TEMPLATES.map((t) => (
              <option key={t.code} value={t.code}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        <ConfirmButton
          label="Подставить шаблон"
          className={secondaryButton}
          onConfirm={insert}
          confirm={text.trim() !== ""}
          title="Заменить текст шаблоном?"
          description="Набранный текст ответа будет заменён текстом шаблона."
          confirmLabel="Заменить"
        />
      </div>
      <div>
        <label htmlFor="answer-text" className={labelClass}>
          Текст ответа заявителю{" "}
          {round > 1 && <span className="font-normal text-slate-700">(раунд {round}, после доработки)</span>}
        </label>
        <textarea
          id="answer-text"
          name="text"
          rows={10}
          value={text}
          maxLength={MAX}
          onPaste={onPaste}
          required
          onChange={(e) => {
            setText(e.target.value);
            if (localError && textLength(e.target.value) <= MAX) setLocalError(null);
          }}
          className={inputClass}
          aria-invalid={hasFieldError(state, "text")}
          aria-describedby="answer-text-error answer-text-count answer-warnings"
        />
        <FieldError state={state} name="text" id="answer-text-error" />
        <p
          id="answer-text-count"
          className={`mt-1 text-xs ${length > MAX ? "text-red-800" : "text-slate-700"}`}
          data-testid="answer-length"
        >
          {length > MAX * 0.9 ? `Символов: ${ru.format(length)} из ${ru.format(MAX)}.` : ""}
          {pasteNote && ` ${pasteNote}`}
        </p>
      </div>
      <div id="answer-warnings" aria-live="polite">
        {warnings.length > 0 && (
          <div
            className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            data-testid="answer-warnings"
          >
            <p className="font-medium">Ответ похож на формальный:</p>
            <ul className="ml-5 list-disc">
              {warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" formAction={draftAction} variant="secondary" disabled={drafting || submitting}>
          Сохранить черновик
        </Button>
        <Button type="submit" disabled={drafting || submitting}>
          {submitting ? "Отправляю…" : "Отправить на проверку"}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
