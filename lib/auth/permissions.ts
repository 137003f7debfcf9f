// The one permission map: what each capability of the desk is, and which roles have it. Pages,
// server actions, route handlers and data functions ask `can`/`assertCan` (or requirePermission /
// authorizeFor in lib/auth/session.ts, withPermission in lib/auth/route.ts) with a capability,
// never with a list of roles. Safe for client components.
//
// Block scope, beside the map: a capability says *what* a role may do; *which messages* it may do
// it to is messageScope (lib/messages/scope.ts): a block head only their block's messages, a block
// curator only the blocks they curate, every other role every message. Another block's message is
// «не найдено», not «запрещено». The state machine (lib/workflow/state-machine.ts) then says
// *when*: which status allows the action.
import type { RoleCode } from "./roles";

const ALL: readonly RoleCode[] = ["coordinator", "block_head", "block_curator", "mcu_head", "mcu_curator"];

export const PERMISSIONS = {
  /** Open a message page (within the block scope), notifications. */
  "message.read": ALL,
  /** See applicants' personal data: the author's name, phone, e-mail and, in the text, unmasked
   * names, phones and flat numbers (152-ФЗ; each read is audited). */
  "pd.read": ["coordinator", "block_head", "block_curator", "mcu_head"],
  /** The queue of all messages: filters, search, saved views. */
  "queue.read": ["coordinator", "mcu_head", "mcu_curator"],
  /** Bulk actions on the queue: route, spam, duplicate. */
  "queue.bulk": ["coordinator", "mcu_head"],
  /** «Требует разбора», rerouting a message, marking duplicates from related messages. */
  "message.triage": ["coordinator", "mcu_head"],
  /** Uploading an «Инцидент Менеджмент» xlsx export. */
  "import.xlsx": ["coordinator", "mcu_head"],
  /** The block's own list («Сообщения блока»). */
  "block.read": ["block_head"],
  /** Accept, draft, answer, attach files, return as misrouted, ask for more time. */
  "message.answer": ["block_head"],
  /** Approve or return a block's answer; decide on extensions. */
  "answer.review": ["coordinator"],
  /** The curated blocks' figures and the calls waiting for them. */
  "curator.read": ["block_curator"],
  /** Log a call to the resident. */
  "message.call": ["block_curator"],
  /** See the formal-answer warnings on submitted answers (the roles that work on answers). */
  "answer.quality": ["coordinator", "block_head", "block_curator", "mcu_head"],
  /** Release an approved answer to its channel. */
  "answer.release": ["block_curator", "coordinator"],
  /** The dashboard of figures. */
  "dashboard.read": ["coordinator", "mcu_head", "mcu_curator"],
  /** «Причины роста». */
  "growth.read": ["coordinator", "mcu_head", "mcu_curator"],
  /** Turning a growth into a problem. */
  "growth.problem": ["coordinator"],
  /** «Комплексные проблемы»: lists and pages. */
  "problem.read": ["coordinator", "mcu_head", "mcu_curator"],
  /** Create, rename, merge, split, attach, detach, answer and re-cluster problems. */
  "problem.edit": ["coordinator"],
  /** The report builder, saved reports and their exports. */
  "report.read": ["coordinator", "mcu_head", "mcu_curator"],
  /** Accounts: create, disable, unlock, passwords, sessions. */
  "admin.users": ["mcu_head"],
  /** The desk's settings: blocks, topics, channels, routing rules, deadline policies. */
  "admin.settings": ["mcu_head"],
} as const satisfies Record<string, readonly RoleCode[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(user: { role: RoleCode }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly RoleCode[]).includes(user.role);
}

/** The roles that have a capability (for a route wrapper or a test). */
export function rolesFor(permission: Permission): readonly RoleCode[] {
  return PERMISSIONS[permission];
}

/**
 * Every page of the desk and the capability it needs (null: any signed-in user). Each page asks
 * requirePermission with its entry here; tests/unit/permissions-map.test.ts checks that they agree,
 * and tests/e2e/permissions.spec.ts opens every page as every role against this table.
 */
export const PAGE_PERMISSIONS = {
  "/": null,
  "/notifications": null,
  "/messages/[id]": "message.read",
  "/queue": "queue.read",
  "/review": "message.triage",
  "/import": "import.xlsx",
  "/block": "block.read",
  "/curator": "curator.read",
  "/curator/calls": "curator.read",
  "/dashboard": "dashboard.read",
  "/growth": "growth.read",
  "/problems": "problem.read",
  "/problems/[id]": "problem.read",
  "/reports": "report.read",
  "/reports/print": "report.read",
  "/admin": "admin.settings",
  "/admin/users": "admin.users",
  "/admin/blocks": "admin.settings",
  "/admin/topics": "admin.settings",
  "/admin/routing": "admin.settings",
  "/admin/policies": "admin.settings",
  "/admin/channels": "admin.settings",
} as const satisfies Record<string, Permission | null>;

export type PagePath = keyof typeof PAGE_PERMISSIONS;

/**
 * Every server action (file under app/, exported name) and the capability it asks for (null: any
 * signed-in user). A server-action module may export only functions, so the table lives here;
 * tests/integration/permissions-walk.test.ts calls every action of app/ as every role and fails
 * on an action missing from this table or one that lets a role without the capability through.
 */
export const ACTION_PERMISSIONS = {
  "admin/channels/actions.ts": {
    togglePauseAction: "admin.settings",
    loadNowAction: "admin.settings",
    retryQuarantineAction: "admin.settings",
    discardQuarantineAction: "admin.settings",
    intervalAction: "admin.settings",
  },
  "admin/policies/actions.ts": { updatePolicyAction: "admin.settings" },
  "admin/routing/actions.ts": {
    setTopicBlockAction: "admin.settings",
    saveRuleAction: "admin.settings",
    setRuleActiveAction: "admin.settings",
    moveRuleAction: "admin.settings",
    saveCategoryAction: "admin.settings",
  },
  "admin/users/actions.ts": {
    createUserAction: "admin.users",
    userStateAction: "admin.users",
    userPasswordAction: "admin.users",
  },
  "growth/actions.ts": { createGrowthProblemAction: "growth.problem" },
  "messages/[id]/actions.ts": {
    acceptAction: "message.answer",
    returnMisroutedAction: "message.answer",
    saveDraftAction: "message.answer",
    submitAnswerAction: "message.answer",
    requestExtensionAction: "message.answer",
    removeAttachmentAction: "message.answer",
    reviewAction: "answer.review",
    decideExtensionAction: "answer.review",
    logContactAction: "message.call",
    releaseAction: "answer.release",
  },
  "messages/[id]/related-actions.ts": { markDuplicateAction: "message.triage" },
  "notifications/actions.ts": { markReadAction: null },
  "problems/actions.ts": {
    clusterNowAction: "problem.edit",
    renameProblemAction: "problem.edit",
    problemStatusAction: "problem.edit",
    mergeProblemAction: "problem.edit",
    splitProblemAction: "problem.edit",
    attachMessageAction: "problem.edit",
    detachMessageAction: "problem.edit",
    answerProblemAction: "problem.edit",
  },
  "queue/actions.ts": { bulkQueueAction: "queue.bulk", saveViewAction: "queue.read", deleteViewAction: "queue.read" },
  "reports/actions.ts": {
    saveReportAction: "report.read",
    renameReportAction: "report.read",
    shareReportAction: "report.read",
    deleteReportAction: "report.read",
    copyReportAction: "report.read",
  },
  "review/actions.ts": { rerouteAction: "message.triage" },
} as const satisfies Record<string, Record<string, Permission | null>>;
