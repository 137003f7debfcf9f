import type { StatusCode } from "./labels";
import { OPEN_STATUSES } from "./labels";

export type DeadlineStateCode = "ok" | "at_risk" | "overdue" | "none";

/** Deadline state from the stored due and at-risk instants (at_risk_at is precomputed per policy). */
export function deadlineStateOf(
  m: { status: StatusCode; dueAt: Date | null; atRiskAt: Date | null },
  now = new Date(),
): DeadlineStateCode {
  if (!m.dueAt || !OPEN_STATUSES.includes(m.status)) return "none";
  if (now > m.dueAt) return "overdue";
  if (m.atRiskAt && now >= m.atRiskAt) return "at_risk";
  return "ok";
}
