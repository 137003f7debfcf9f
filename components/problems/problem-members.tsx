"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { splitProblemAction } from "@/app/(desk)/problems/actions";
import { FormStatus, inputClass, labelClass } from "@/components/workflow/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { DeadlineBadge } from "@/components/messages/deadline-badge";
import { CHANNEL_LABELS, STATUS_LABELS, type ChannelCodeT, type StatusCode } from "@/lib/messages/labels";
import type { DeadlineStateCode } from "@/lib/messages/deadline";
import { formatDateTime } from "@/lib/format";
import { DetachButton } from "./detach-button";
import { Button } from "@/components/ui/button";

export type MemberRow = {
  id: number;
  channel: ChannelCodeT;
  status: StatusCode;
  title: string | null;
  preview: string;
  locality: string | null;
  address: string | null;
  registeredAt: Date;
  deadlineState: DeadlineStateCode;
  block: { shortName: string } | null;
};

/** The problem's messages; the coordinator ticks some to split them off or detaches one. The
 * checkboxes belong to the split form through the `form` attribute (forms cannot nest). */
export function ProblemMembers({
  problemId,
  messages,
  canEdit,
}: {
  problemId: number;
  messages: MemberRow[];
  canEdit: boolean;
}) {
  const { state, pending, form } = useFormAction(splitProblemAction);
  const formId = `split-${problemId}`;
  if (messages.length === 0) return <p className="text-sm text-slate-700">В проблеме нет сообщений.</p>;
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="problem-messages">
          <caption className="sr-only">Сообщения проблемы</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              {canEdit && (
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">Выделить</span>
                </th>
              )}
              <th scope="col" className="px-2 py-2">
                №
              </th>
              <th scope="col" className="px-2 py-2">
                Канал
              </th>
              <th scope="col" className="px-2 py-2">
                Статус
              </th>
              <th scope="col" className="px-2 py-2">
                Блок
              </th>
              <th scope="col" className="px-2 py-2">
                Поступило
              </th>
              <th scope="col" className="px-2 py-2">
                Текст и адрес
              </th>
              {canEdit && (
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">Действия</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} className="border-t border-slate-100 align-top" data-testid="problem-message">
                {canEdit && (
                  <td className="px-2 py-2">
                    <input
                      type="checkbox"
                      name="messageIds"
                      value={m.id}
                      form={formId}
                      aria-label={`Выделить сообщение № ${m.id}`}
                      className="h-4 w-4"
                    />
                  </td>
                )}
                <td className="whitespace-nowrap px-2 py-2">
                  <Link href={`/messages/${m.id}`} className="font-medium text-brand-700 underline">
                    № {m.id}
                  </Link>
                </td>
                <td className="px-2 py-2">{CHANNEL_LABELS[m.channel]}</td>
                <td className="px-2 py-2">
                  {STATUS_LABELS[m.status]} <DeadlineBadge state={m.deadlineState} />
                </td>
                <td className="px-2 py-2">{m.block?.shortName ?? "—"}</td>
                <td className="whitespace-nowrap px-2 py-2">{formatDateTime(m.registeredAt)}</td>
                <td className="px-2 py-2">
                  {m.title && <span className="block font-medium">{m.title}</span>}
                  <span className="line-clamp-3">{m.preview}</span>
                  <span className="block text-xs text-slate-700">
                    {[m.locality, m.address].filter(Boolean).join(", ")}
                  </span>
                </td>
                {canEdit && (
                  <td className="px-2 py-2">
                    <DetachButton problemId={problemId} messageId={m.id} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <form {...form} id={formId} className="mt-3 space-y-2 border-t border-slate-100 pt-3" noValidate>
          <input type="hidden" name="problemId" value={problemId} />
          <label htmlFor={`${formId}-title`} className={labelClass}>
            Выделить отмеченные сообщения в новую проблему — её название
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id={`${formId}-title`}
              name="title"
              className={`${inputClass} max-w-xl`}
              required
              maxLength={TEXT_LIMITS.title}
            />
            <Button type="submit" variant="secondary" className="mt-1" disabled={pending}>
              Разделить
            </Button>
          </div>
          <FormStatus state={state} />
        </form>
      )}
    </>
  );
}
