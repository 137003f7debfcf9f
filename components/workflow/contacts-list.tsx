import { formatDateTime } from "@/lib/format";
import type { MessageWorkflow } from "@/lib/workflow/message-workflow";
import { CALL_OUTCOME_LABELS } from "./labels";

export function ContactsList({ contacts }: { contacts: MessageWorkflow["contacts"] }) {
  if (contacts.length === 0) return <p className="text-slate-700">Звонков не было.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="contacts">
      {contacts.map((c) => (
        <li key={c.id} className="border-l-2 border-slate-400 pl-3">
          <p>
            <span className="font-medium">{CALL_OUTCOME_LABELS[c.outcome]}</span> · {c.curator.fullName} ·{" "}
            {formatDateTime(c.createdAt)}
            {c.durationSec != null && ` · ${Math.round(c.durationSec / 60)} мин`}
          </p>
          {c.notes && <p className="whitespace-pre-wrap">{c.notes}</p>}
          {c.nextAttemptAt && <p className="text-slate-700">Следующая попытка: {formatDateTime(c.nextAttemptAt)}</p>}
        </li>
      ))}
    </ul>
  );
}
