/** Legal regimes that set a message's clocks (docs/ARCHITECTURE.md «Legal regimes and deadlines»). */
export const REGIMES = ["fz59", "pos_message", "social_incident", "portal"] as const;
export type Regime = (typeof REGIMES)[number];

export const DAY_UNITS = ["working", "calendar"] as const;
export type DayUnit = (typeof DAY_UNITS)[number];

export function isRegime(value: string): value is Regime {
  return (REGIMES as readonly string[]).includes(value);
}

/**
 * Deadline rules of one regime. These are defaults; the mcu_head edits the stored copies,
 * so nothing in the arithmetic may assume these particular numbers.
 */
export interface DeadlinePolicy {
  regime: Regime;
  answerDays: number;
  answerUnit: DayUnit;
  /** Term for the first reaction (e.g. a public reply to a social-network post); null = none. */
  firstReactionDays?: number | null;
  firstReactionUnit?: DayUnit | null;
  /** Term for registering the message after it arrives; null = no separate registration term. */
  registrationDays?: number | null;
  registrationUnit?: DayUnit | null;
  extensionDays: number;
  extensionUnit: DayUnit;
  /** How many times the answer deadline may be extended; 0 = never. */
  maxExtensions: number;
  /** A message is "at risk" when less than this share (0–1) of its total time is left. */
  atRiskShare: number;
}

export const DEFAULT_AT_RISK_SHARE = 0.2;

export const DEFAULT_POLICIES: Readonly<Record<Regime, Readonly<DeadlinePolicy>>> = {
  // 59-ФЗ art. 12: 30 days, one extension by up to 30 days with notice to the applicant.
  // Art. 8: registration "within three days" — the law does not say working days, so calendar.
  fz59: {
    regime: "fz59",
    answerDays: 30,
    answerUnit: "calendar",
    firstReactionDays: null,
    firstReactionUnit: null,
    registrationDays: 3,
    registrationUnit: "calendar",
    extensionDays: 30,
    extensionUnit: "calendar",
    maxExtensions: 1,
    atRiskShare: DEFAULT_AT_RISK_SHARE,
  },
  pos_message: {
    regime: "pos_message",
    answerDays: 10,
    answerUnit: "working",
    firstReactionDays: null,
    firstReactionUnit: null,
    registrationDays: null,
    registrationUnit: null,
    extensionDays: 10,
    extensionUnit: "working",
    maxExtensions: 1,
    atRiskShare: DEFAULT_AT_RISK_SHARE,
  },
  social_incident: {
    regime: "social_incident",
    answerDays: 10,
    answerUnit: "working",
    firstReactionDays: 1,
    firstReactionUnit: "working",
    registrationDays: null,
    registrationUnit: null,
    extensionDays: 5,
    extensionUnit: "working",
    maxExtensions: 1,
    atRiskShare: DEFAULT_AT_RISK_SHARE,
  },
  portal: {
    regime: "portal",
    answerDays: 10,
    answerUnit: "working",
    firstReactionDays: null,
    firstReactionUnit: null,
    registrationDays: null,
    registrationUnit: null,
    extensionDays: 10,
    extensionUnit: "working",
    maxExtensions: 1,
    atRiskShare: DEFAULT_AT_RISK_SHARE,
  },
};

/** Problems with an (edited) policy, in Russian for the settings form; empty when valid. */
export function validatePolicy(policy: DeadlinePolicy): string[] {
  const errors: string[] = [];
  const positiveInt = (n: number) => Number.isInteger(n) && n >= 1 && n <= 366;
  if (!isRegime(policy.regime)) errors.push(`Неизвестный режим: ${policy.regime}`);
  if (!positiveInt(policy.answerDays)) errors.push("Срок ответа должен быть целым числом дней от 1 до 366");
  if (policy.firstReactionDays != null && !positiveInt(policy.firstReactionDays))
    errors.push("Срок первой реакции должен быть целым числом дней от 1 до 366");
  if (policy.firstReactionDays != null && policy.firstReactionUnit == null)
    errors.push("Для срока первой реакции нужно указать вид дней");
  if (policy.registrationDays != null && !positiveInt(policy.registrationDays))
    errors.push("Срок регистрации должен быть целым числом дней от 1 до 366");
  if (policy.registrationDays != null && policy.registrationUnit == null)
    errors.push("Для срока регистрации нужно указать вид дней");
  if (!Number.isInteger(policy.maxExtensions) || policy.maxExtensions < 0)
    errors.push("Число продлений должно быть целым неотрицательным");
  if (policy.maxExtensions > 0 && !positiveInt(policy.extensionDays))
    errors.push("Срок продления должен быть целым числом дней от 1 до 366");
  if (!(policy.atRiskShare > 0 && policy.atRiskShare < 1))
    errors.push("Доля «под угрозой» должна быть больше 0 и меньше 1");
  return errors;
}
