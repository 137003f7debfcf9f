// The message lifecycle of docs/ARCHITECTURE.md «Message lifecycle». This table is the only definition of which status
// changes are allowed; lib/workflow/transition.ts is the only code that writes a status.
import type { StatusCode } from "@/lib/messages/labels";
import { STATUS_LABELS } from "@/lib/messages/labels";

export const TRANSITIONS: Record<StatusCode, readonly StatusCode[]> = {
  new: ["routed", "redirected", "rejected"],
  routed: ["routed", "in_work", "returned", "redirected", "rejected"],
  returned: ["routed", "redirected", "rejected"],
  in_work: ["answer_review", "extension_requested", "returned"],
  extension_requested: ["in_work"],
  answer_review: ["in_work", "awaiting_contact", "answered"],
  awaiting_contact: ["answered"],
  answered: ["closed", "reopened"],
  reopened: ["in_work"],
  closed: ["reopened"],
  redirected: [],
  rejected: [],
};

export function canTransition(from: StatusCode, to: StatusCode): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Russian explanation for a refused change, shown to the user as is. */
export function transitionError(from: StatusCode, to: StatusCode): string {
  return `Нельзя перевести сообщение из статуса «${STATUS_LABELS[from]}» в «${STATUS_LABELS[to]}».`;
}

/** ПОС answers go through the curator's phone call before release. */
export function approvalTarget(channel: string): StatusCode {
  return channel === "pos" ? "awaiting_contact" : "answered";
}
