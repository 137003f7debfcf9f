import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import {
  DAY_UNITS,
  DEFAULT_POLICIES,
  REGIMES,
  validatePolicy,
  type DeadlinePolicy,
  type Regime,
} from "@/lib/deadlines";
import { parseInput } from "@/lib/workflow/validate";
import { NUMBER_LIMITS, intInRange, numberInRange } from "@/lib/validation/text";

// Deadline policies of the four regimes (deadline_policies). Ingestion reads them at the start of
// every page and the extension workflow when it extends, so an edit sets the clocks of messages
// registered (or extended) after it; stored deadlines are legal facts and are not recomputed.

export type PolicyRow = DeadlinePolicy & { regime: Regime; updatedAt: Date | null; updatedBy: string | null };

export async function listPolicies(): Promise<PolicyRow[]> {
  await authorize("admin.settings");
  const rows = await db().deadlinePolicy.findMany();
  const by = new Map(rows.map((r) => [r.regime, r]));
  const editors = await db().user.findMany({
    where: { id: { in: rows.map((r) => r.updatedById).filter((x): x is number => x != null) } },
    select: { id: true, fullName: true },
  });
  const names = new Map(editors.map((u) => [u.id, u.fullName]));
  return REGIMES.map((regime) => {
    const r = by.get(regime);
    if (!r) return { ...DEFAULT_POLICIES[regime], regime, updatedAt: null, updatedBy: null };
    return {
      regime,
      answerDays: r.answerDays,
      answerUnit: r.answerUnit,
      firstReactionDays: r.firstReactionDays,
      firstReactionUnit: r.firstReactionUnit,
      registrationDays: r.registrationDays,
      registrationUnit: r.registrationDays == null ? null : "calendar",
      extensionDays: r.extensionDays,
      extensionUnit: r.extensionUnit,
      maxExtensions: r.maxExtensions,
      atRiskShare: r.atRiskShare,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedById == null ? null : (names.get(r.updatedById) ?? null),
    };
  });
}

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
// Ranges keep the int4 columns safe (1e10 used to overflow into a generic error) and match the
// deadline library's own rules and the form's min/max.
const days = (label: string) => intInRange(NUMBER_LIMITS.policyDays.min, NUMBER_LIMITS.policyDays.max, label);
const unit = z.enum(DAY_UNITS, { error: "Выберите вид дней: рабочие или календарные." });

const schema = z.object({
  regime: z.enum(REGIMES, { error: "Неизвестный режим." }),
  answerDays: days("Срок ответа"),
  answerUnit: unit,
  firstReactionDays: z.preprocess(blank, days("Срок первой реакции").optional()),
  firstReactionUnit: z.preprocess(blank, unit.optional()),
  extensionDays: days("Срок продления"),
  extensionUnit: unit,
  maxExtensions: intInRange(NUMBER_LIMITS.maxExtensions.min, NUMBER_LIMITS.maxExtensions.max, "Число продлений"),
  // The form speaks percent (20 %); the table stores a share (0.2).
  atRiskPercent: numberInRange(
    NUMBER_LIMITS.atRiskPercent.min,
    NUMBER_LIMITS.atRiskPercent.max,
    "Доля «под угрозой», %",
  ),
});

/** Saves one regime's policy after the deadline library's own validation. */
export async function updatePolicy(raw: unknown): Promise<DeadlinePolicy> {
  const user = await authorize("admin.settings");
  const input = parseInput(schema, raw);
  const current = await db().deadlinePolicy.findUnique({ where: { regime: input.regime } });
  const policy: DeadlinePolicy = {
    regime: input.regime,
    answerDays: input.answerDays,
    answerUnit: input.answerUnit,
    firstReactionDays: input.firstReactionDays ?? null,
    // A unit without a term means nothing; keep the pair consistent.
    firstReactionUnit: input.firstReactionDays == null ? null : (input.firstReactionUnit ?? null),
    registrationDays: current ? current.registrationDays : (DEFAULT_POLICIES[input.regime].registrationDays ?? null),
    registrationUnit:
      (current ? current.registrationDays : DEFAULT_POLICIES[input.regime].registrationDays) == null
        ? null
        : "calendar",
    extensionDays: input.extensionDays,
    extensionUnit: input.extensionUnit,
    maxExtensions: input.maxExtensions,
    atRiskShare: Math.round(input.atRiskPercent * 100) / 10_000,
  };
  const problems = validatePolicy(policy);
  if (problems.length) throw new AppError("invalid_input", problems.join(". ") + ".", { form: problems });
  const after = {
    answerDays: policy.answerDays,
    answerUnit: policy.answerUnit,
    firstReactionDays: policy.firstReactionDays ?? null,
    firstReactionUnit: policy.firstReactionUnit ?? null,
    extensionDays: policy.extensionDays,
    extensionUnit: policy.extensionUnit,
    maxExtensions: policy.maxExtensions,
    atRiskShare: policy.atRiskShare,
  };
  const data = { ...after, updatedById: user.id };
  await db().$transaction(async (tx) => {
    await tx.deadlinePolicy.upsert({
      where: { regime: policy.regime },
      update: data,
      create: { regime: policy.regime, registrationDays: policy.registrationDays ?? null, ...data },
    });
    await audit(
      {
        actorId: user.id,
        action: "deadline_policy_updated",
        entity: "deadline_policy",
        entityId: policy.regime,
        data: {
          before: current
            ? {
                answerDays: current.answerDays,
                answerUnit: current.answerUnit,
                firstReactionDays: current.firstReactionDays,
                firstReactionUnit: current.firstReactionUnit,
                extensionDays: current.extensionDays,
                extensionUnit: current.extensionUnit,
                maxExtensions: current.maxExtensions,
                atRiskShare: current.atRiskShare,
              }
            : null,
          after,
        },
      },
      tx,
    );
  });
  return policy;
}
