import { Badge } from "@/components/ui/badge";
import { DEADLINE_STATE_LABELS } from "@/lib/messages/labels";
import type { DeadlineStateCode } from "@/lib/messages/deadline";

export function DeadlineBadge({ state }: { state: DeadlineStateCode }) {
  if (state === "none") return <span className="text-slate-600">—</span>;
  const tone = state === "overdue" ? "red" : state === "at_risk" ? "amber" : "green";
  return <Badge tone={tone}>{DEADLINE_STATE_LABELS[state]}</Badge>;
}
