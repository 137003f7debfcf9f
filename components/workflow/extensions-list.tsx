import { formatDate, formatDateTime } from "@/lib/format";
import type { MessageWorkflow } from "@/lib/workflow/message-workflow";
import { EXTENSION_STATUS_LABELS } from "./labels";

export function ExtensionsList({ extensions }: { extensions: MessageWorkflow["extensions"] }) {
  return (
    <ul className="space-y-2 text-sm" data-testid="extensions">
      {extensions.map((e) => (
        <li key={e.id} className="border-l-2 border-slate-400 pl-3">
          <p>
            <span className="font-medium">{EXTENSION_STATUS_LABELS[e.status]}</span> · запросил(а){" "}
            {e.requestedBy.fullName} {formatDateTime(e.createdAt)}
          </p>
          <p>Причина: {e.reason}</p>
          {e.decidedBy && (
            <p>
              Решение: {e.decidedBy.fullName}, {formatDateTime(e.decidedAt)}
              {e.decisionComment ? ` — ${e.decisionComment}` : ""}
            </p>
          )}
          {e.status === "approved" && (
            <p>
              Срок: {formatDate(e.previousDueAt)} → {formatDate(e.newDueAt)}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
