// The queue's URL parameters: one schema for the server (list, counts, saved views) and the
// browser (building links). Forgiving: a bad value falls back to its default, never throws, so a
// hand-edited or stale bookmark still opens. Safe for client components.
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { isValidLocalDate } from "@/lib/deadlines/time";

export const QUEUE_STATUSES = [
  "new",
  "routed",
  "in_work",
  "answer_review",
  "awaiting_contact",
  "answered",
  "closed",
  "reopened",
  "returned",
  "redirected",
  "extension_requested",
  "rejected",
] as const;
export const QUEUE_CHANNELS = ["pos", "incident", "smls", "sakhalin"] as const;
export const QUEUE_REGIMES = ["fz59", "pos_message", "social_incident", "portal"] as const;
export const DEADLINE_FILTERS = ["ok", "at_risk", "overdue"] as const;
export const SORT_KEYS = ["registered", "due", "id"] as const;
/** Click-through filters of the dashboards and reports (definitions in lib/analytics/measures.ts). */
export const RATING_FILTERS = ["rated", "satisfied", "dissatisfied"] as const;
export const YES_NO = ["yes", "no"] as const;

export const QUEUE_PRESETS = [
  { code: "new", label: "Новые" },
  { code: "review", label: "Требует разбора" },
  { code: "at_risk", label: "Под угрозой срыва" },
  { code: "overdue", label: "Просрочено" },
  { code: "answer_review", label: "На проверке" },
  { code: "awaiting_contact", label: "Ждут звонка" },
  { code: "reopened", label: "Повторно открытые" },
] as const;
export type PresetCode = (typeof QUEUE_PRESETS)[number]["code"];
const PRESET_CODES = QUEUE_PRESETS.map((p) => p.code) as [PresetCode, ...PresetCode[]];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isValidLocalDate);
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/);

export const DEFAULT_PER_PAGE = 50;

export const queueParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce.number().int().min(10).max(100).catch(DEFAULT_PER_PAGE),
  sort: z.enum(SORT_KEYS).catch("registered"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  preset: z.enum(PRESET_CODES).optional().catch(undefined),
  status: z.enum(QUEUE_STATUSES).optional().catch(undefined),
  channel: z.enum(QUEUE_CHANNELS).optional().catch(undefined),
  regime: z.enum(QUEUE_REGIMES).optional().catch(undefined),
  deadline: z.enum(DEADLINE_FILTERS).optional().catch(undefined),
  topic: code.optional().catch(undefined),
  block: code.optional().catch(undefined),
  curator: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  rating: z.enum(RATING_FILTERS).optional().catch(undefined),
  ontime: z.enum(YES_NO).optional().catch(undefined),
  answered: z.enum(YES_NO).optional().catch(undefined),
  reopened: z.enum(YES_NO).optional().catch(undefined),
  called: z.enum(YES_NO).optional().catch(undefined),
  locality: text({ max: 100 })
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  problem: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  q: text({ max: TEXT_LIMITS.search })
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
});
export type QueueParams = z.infer<typeof queueParamsSchema>;

/** The default direction of each sort column: newest first, nearest deadline first. */
export function sortDir(p: Pick<QueueParams, "sort" | "dir">): "asc" | "desc" {
  return p.dir ?? (p.sort === "due" ? "asc" : "desc");
}

export function parseQueueParams(raw: Record<string, unknown>): QueueParams {
  // Empty strings (an emptied select of a GET form) mean "not set".
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== "" && first != null) clean[k] = first;
  }
  return queueParamsSchema.parse(clean);
}

const KEYS = [
  "preset",
  "q",
  "status",
  "channel",
  "regime",
  "deadline",
  "topic",
  "block",
  "curator",
  "from",
  "to",
  "rating",
  "ontime",
  "answered",
  "reopened",
  "called",
  "locality",
  "problem",
  "sort",
  "dir",
  "perPage",
  "page",
] as const;

/** Russian wording of the click-through filters, shown above the queue while they apply. */
export const EXTRA_FILTER_LABELS = {
  rating: { rated: "есть оценка жителя", satisfied: "житель удовлетворён", dissatisfied: "житель не удовлетворён" },
  ontime: { yes: "ответ дан в срок", no: "ответ дан с нарушением срока" },
  answered: { yes: "ответ отправлен", no: "ответ ещё не отправлен" },
  reopened: { yes: "повторно открывались", no: "не открывались повторно" },
  called: { yes: "куратор звонил жителю", no: "звонка куратора не было" },
} as const;
export const EXTRA_FILTER_KEYS = ["rating", "ontime", "answered", "reopened", "called", "locality", "problem"] as const;

/** Canonical query string: defaults left out, stable key order (saved views compare equal). */
export function serializeQueueParams(p: Partial<QueueParams>, opts: { page?: boolean } = {}): string {
  const q = new URLSearchParams();
  for (const k of KEYS) {
    const v = p[k];
    if (v === undefined || v === null || v === "") continue;
    if (k === "sort" && v === "registered") continue;
    if (k === "dir" && v === sortDir({ sort: p.sort ?? "registered" })) continue;
    if (k === "perPage" && v === DEFAULT_PER_PAGE) continue;
    if (k === "page" && (v === 1 || opts.page === false)) continue;
    q.set(k, String(v));
  }
  return q.toString();
}

/** Counting stops here: an exact count of hundreds of thousands of rows would cost more than the
 * page itself, and «более 10 000» is all an operator needs to know. */
export const COUNT_CAP = 10_000;
