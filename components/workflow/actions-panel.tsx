import type { MessageWorkflow } from "@/lib/workflow/message-workflow";
import { formatDate } from "@/lib/format";
import { AcceptForm } from "./accept-form";
import { ReturnForm } from "./return-form";
import { AnswerEditor } from "./answer-editor";
import { AttachmentsPanel } from "./attachments-panel";
import { ExtensionRequestForm } from "./extension-request-form";
import { ReviewForm } from "./review-form";
import { ExtensionDecisionForm } from "./extension-decision-form";
import { ContactForm } from "./contact-form";
import { ReleaseForm } from "./release-form";
import { UNIT_LABELS } from "./labels";

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded border border-slate-200 p-3">
      <h3 className="mb-2 font-semibold">{title}</h3>
      {children}
    </div>
  );
}

/** Only the actions this user may take in the message's current status (available-actions.ts). */
export function ActionsPanel({ messageId, wf, dueAt }: { messageId: number; wf: MessageWorkflow; dueAt: Date | null }) {
  const has = (a: MessageWorkflow["actions"][number]) => wf.actions.includes(a);
  if (wf.actions.length === 0) return null;
  const submitted = wf.answers.findLast((a) => a.status === "submitted");
  const needsCall = wf.channel === "pos";
  const round = wf.draft?.round ?? wf.answers.length + 1;
  return (
    <section
      aria-labelledby="actions-heading"
      className="mt-4 rounded border border-brand-600 bg-white p-4"
      data-testid="actions-panel"
    >
      <h2 id="actions-heading" className="mb-3 text-lg font-semibold">
        Действия
      </h2>
      <div className="grid gap-3">
        {has("accept") && (
          <Block title="Принять в работу">
            <AcceptForm messageId={messageId} />
          </Block>
        )}
        {has("edit_answer") && (
          <Block title="Ответ заявителю">
            <AnswerEditor
              messageId={messageId}
              initialText={wf.draft?.text ?? ""}
              initialTemplate={wf.draft?.templateCode ?? null}
              suggestedTemplate={wf.suggestedTemplate}
              round={round}
            />
            <div className="mt-4 border-t border-slate-200 pt-3">
              <AttachmentsPanel messageId={messageId} files={wf.draft?.attachments ?? []} />
            </div>
          </Block>
        )}
        {has("review_answer") && submitted && (
          <Block title="Проверка ответа">
            <ReviewForm messageId={messageId} round={submitted.round} needsCall={needsCall} />
          </Block>
        )}
        {has("decide_extension") && wf.pendingExtension && (
          <Block title="Запрос на продление срока">
            <ExtensionDecisionForm
              messageId={messageId}
              reason={wf.pendingExtension.reason}
              requestedBy={wf.pendingExtension.requestedBy.fullName}
              currentDue={formatDate(dueAt)}
              newDue={wf.extensionPreview ? formatDate(wf.extensionPreview) : null}
            />
          </Block>
        )}
        {has("log_contact") && (
          <Block title="Звонок заявителю">
            <ContactForm messageId={messageId} />
          </Block>
        )}
        {has("release") && (
          <Block title="Отправка ответа">
            <ReleaseForm
              messageId={messageId}
              lastError={wf.approved?.dispatchError ?? null}
              hint={
                needsCall
                  ? wf.contactsForApproved > 0
                    ? `Звонков по одобренному ответу: ${wf.contactsForApproved}.`
                    : "Сначала позвоните заявителю и запишите звонок — без этого ответ по ПОС не отправляется."
                  : null
              }
            />
          </Block>
        )}
        {has("request_extension") && (
          <Block title="Продление срока">
            <ExtensionRequestForm
              messageId={messageId}
              termLabel={`${wf.policy.extensionDays} ${UNIT_LABELS[wf.policy.extensionUnit]}`}
            />
          </Block>
        )}
        {has("return_misrouted") && (
          <Block title="Сообщение не относится к блоку">
            <ReturnForm messageId={messageId} />
          </Block>
        )}
      </div>
    </section>
  );
}
