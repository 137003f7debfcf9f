// Retries answers whose dispatch to the channel failed (the answer stays approved with its
// error). Backs off by attempts; dispatchAnswer itself re-checks the ПОС call rule and state.
import { db } from "@/lib/db";
import { dispatchAnswer, type DispatchOptions } from "@/lib/workflow/dispatch-answer";

export const MAX_DISPATCH_ATTEMPTS = 10;

export async function retryFailedDispatches(
  opts: DispatchOptions = {},
  now = new Date(),
): Promise<{ released: number; failed: number }> {
  const candidates = await db().answer.findMany({
    where: { status: "approved", dispatchError: { not: null }, dispatchAttempts: { gt: 0, lt: MAX_DISPATCH_ATTEMPTS } },
    select: { id: true, dispatchAttempts: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: 50,
  });
  let released = 0;
  let failed = 0;
  for (const a of candidates) {
    // 1, 2, 4 … minutes after the last attempt, at most an hour.
    const waitMs = Math.min(60, 2 ** (a.dispatchAttempts - 1)) * 60_000;
    if (now.getTime() - a.updatedAt.getTime() < waitMs) continue;
    try {
      const r = await dispatchAnswer(a.id, null, opts);
      if (r.status === "failed") failed++;
      else released++;
    } catch {
      failed++; // state changed meanwhile (e.g. released by a person); nothing to retry
    }
  }
  return { released, failed };
}
