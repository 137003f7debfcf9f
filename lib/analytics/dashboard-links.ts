// Click-through from a dashboard figure to the queue showing exactly the messages behind it. Each
// kind of figure maps to the queue filter of the same definition (lib/analytics/measures.ts on
// the server, lib/queue/where.ts for the list). Safe for client components.
import { serializeQueueParams, type QueueParams } from "@/lib/queue/params";

export type FigureKind =
  | "messages"
  | "rated"
  | "satisfied"
  | "dissatisfied"
  | "onTime"
  | "late"
  | "answered"
  | "reopened"
  | "called"
  | "notCalled"
  | "overdue";

const FILTER_OF: Record<FigureKind, Partial<QueueParams>> = {
  messages: {},
  rated: { rating: "rated" },
  satisfied: { rating: "satisfied" },
  dissatisfied: { rating: "dissatisfied" },
  onTime: { ontime: "yes" },
  late: { ontime: "no" },
  answered: { answered: "yes" },
  reopened: { reopened: "yes" },
  called: { called: "yes" },
  notCalled: { called: "no" },
  overdue: { deadline: "overdue" },
};

/** Which messages: the period (from–to) and at most one value of each dimension. */
export type FigureScope = Pick<Partial<QueueParams>, "from" | "to" | "topic" | "block" | "channel" | "curator">;

export function queueHref(scope: FigureScope, kind: FigureKind): string {
  const qs = serializeQueueParams({ ...scope, ...FILTER_OF[kind] });
  return qs ? `/queue?${qs}` : "/queue";
}
