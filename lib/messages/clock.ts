// A message's clocks from its regime's policy: due instant and local date, first-reaction due,
// and the instant from which it counts as "at risk" (less than atRiskShare of its time left).
import { computeAnswerDue, computeFirstReactionDue, type DeadlinePolicy } from "@/lib/deadlines";

export type MessageClock = { dueAt: Date; dueLocalDate: Date; atRiskAt: Date; firstReactionDueAt: Date | null };

export function atRiskInstant(registeredAt: Date, dueAt: Date, share: number): Date {
  const total = dueAt.getTime() - registeredAt.getTime();
  return new Date(dueAt.getTime() - Math.max(0, total) * share);
}

export function messageClock(registeredAt: Date, policy: DeadlinePolicy): MessageClock {
  const due = computeAnswerDue(registeredAt, policy);
  const first = computeFirstReactionDue(registeredAt, policy);
  return {
    dueAt: due.dueAt,
    dueLocalDate: new Date(`${due.dueLocalDate}T00:00:00Z`),
    atRiskAt: atRiskInstant(registeredAt, due.dueAt, policy.atRiskShare),
    firstReactionDueAt: first?.dueAt ?? null,
  };
}
