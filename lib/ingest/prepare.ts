// Turns validated channel messages into rows: classify, route and set the clocks. Pure CPU work,
// done before the page's transaction opens so the transaction stays short.
import type { NormalizedMessage } from "@/lib/channels/types";
import { decide } from "@/lib/routing/decide";
import type { RoutingContext, RoutingDecision } from "@/lib/routing/types";
import { messageClock } from "@/lib/messages/clock";

export type PreparedMessage = {
  m: NormalizedMessage;
  d: RoutingDecision;
  registeredAt: Date;
  clock: ReturnType<typeof messageClock>;
};

export function prepareMessages(
  messages: NormalizedMessage[],
  ctx: RoutingContext,
  now = new Date(),
): PreparedMessage[] {
  // The same message can appear twice in one page (overlap, or an edit right after it): keep the last.
  const byId = new Map<string, NormalizedMessage>();
  for (const m of messages) byId.set(m.externalId, m);
  // Every message of a page is registered at the same instant, so each regime's clock is computed once.
  const clocks = new Map<string, ReturnType<typeof messageClock>>();
  const out: PreparedMessage[] = [];
  for (const m of byId.values()) {
    let clock = clocks.get(m.regime);
    if (!clock) clocks.set(m.regime, (clock = messageClock(now, ctx.policies[m.regime])));
    out.push({ m, d: decide(m, ctx), registeredAt: now, clock });
  }
  return out;
}
