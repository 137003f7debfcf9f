// Which workflow actions a role may take on a message in its current status. Pure (and safe for
// client components): the page shows only these; the server functions re-check everything.
import type { RoleCode } from "@/lib/auth/roles";
import type { StatusCode } from "@/lib/messages/labels";
import { approvalTarget } from "./state-machine";

export type ActionCode =
  | "accept"
  | "return_misrouted"
  | "edit_answer"
  | "request_extension"
  | "review_answer"
  | "decide_extension"
  | "log_contact"
  | "release";

export type ActionContext = {
  role: RoleCode;
  status: StatusCode;
  channel: string;
  extensionCount: number;
  maxExtensions: number;
  hasSubmittedAnswer: boolean;
  hasApprovedAnswer: boolean;
  hasPendingExtension: boolean;
};

export function availableActions(c: ActionContext): ActionCode[] {
  const out: ActionCode[] = [];
  const needsCall = approvalTarget(c.channel) === "awaiting_contact";
  switch (c.role) {
    case "block_head":
      if (c.status === "routed" || c.status === "reopened") out.push("accept");
      if (c.status === "in_work") {
        out.push("edit_answer");
        if (c.extensionCount < c.maxExtensions) out.push("request_extension");
      }
      if (c.status === "routed" || c.status === "in_work") out.push("return_misrouted");
      break;
    case "coordinator":
      if (c.status === "answer_review" && c.hasSubmittedAnswer) out.push("review_answer");
      if (c.status === "extension_requested" && c.hasPendingExtension) out.push("decide_extension");
      // A non-ПОС answer whose dispatch failed waits in review, approved, for a retry.
      if (c.hasApprovedAnswer && ((c.status === "answer_review" && !needsCall) || c.status === "awaiting_contact"))
        out.push("release");
      break;
    case "block_curator":
      if (c.status === "awaiting_contact" && c.hasApprovedAnswer) out.push("log_contact", "release");
      break;
    default:
      break;
  }
  return out;
}
