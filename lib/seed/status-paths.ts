// The walk through the lifecycle that brings a demo message to each status; every step is
// checked against the state machine so demo history is always a legal history.
import type { StatusCode } from "@/lib/messages/labels";
import { canTransition } from "@/lib/workflow/state-machine";

export function pathTo(target: StatusCode, channel: string): StatusCode[] {
  const review: StatusCode[] = ["routed", "in_work", "answer_review"];
  const released: StatusCode[] =
    channel === "pos" ? [...review, "awaiting_contact", "answered"] : [...review, "answered"];
  const paths: Record<StatusCode, StatusCode[]> = {
    new: [],
    routed: ["routed"],
    in_work: ["routed", "in_work"],
    answer_review: review,
    awaiting_contact: [...review, "awaiting_contact"],
    answered: released,
    closed: [...released, "closed"],
    reopened: [...released, "reopened"],
    returned: ["routed", "returned"],
    redirected: ["redirected"],
    extension_requested: ["routed", "in_work", "extension_requested"],
    rejected: ["rejected"],
  };
  const path = paths[target];
  let from: StatusCode = "new";
  for (const to of path) {
    if (!canTransition(from, to)) throw new Error(`demo path to ${target} breaks the state machine at ${from} → ${to}`);
    from = to;
  }
  return path;
}
