// The editable deadline policy of a regime (deadline_policies row) in the deadline library's shape.
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_POLICIES, type DeadlinePolicy, type Regime } from "@/lib/deadlines";

export async function loadPolicy(client: Tx | Db, regime: Regime): Promise<DeadlinePolicy> {
  // Db and Tx expose the same model API; TypeScript cannot unify their global-omit generics.
  const p = await (client as Tx).deadlinePolicy.findUnique({ where: { regime } });
  if (!p) throw new AppError("internal", `Не задана политика сроков для режима ${regime}.`);
  return {
    regime,
    answerDays: p.answerDays,
    answerUnit: p.answerUnit,
    firstReactionDays: p.firstReactionDays,
    firstReactionUnit: p.firstReactionUnit,
    registrationDays: p.registrationDays,
    // The table has no unit for the registration term; it does not affect answer clocks.
    registrationUnit: p.registrationDays == null ? null : (DEFAULT_POLICIES[regime].registrationUnit ?? "calendar"),
    extensionDays: p.extensionDays,
    extensionUnit: p.extensionUnit,
    maxExtensions: p.maxExtensions,
    atRiskShare: p.atRiskShare,
  };
}
