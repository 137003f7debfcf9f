// Russian names of problem codes. Safe for client components.
export const PROBLEM_STATUS_LABELS = {
  open: "Открыта",
  in_work: "В работе",
  resolved: "Решена",
  dismissed: "Снята",
} as const;

export const PROBLEM_ORIGIN_LABELS = {
  auto: "Сгруппирована автоматически",
  manual: "Создана координатором",
  growth: "Из анализа причин роста",
} as const;

export type ProblemStatusCode = keyof typeof PROBLEM_STATUS_LABELS;
export const PROBLEM_STATUSES = Object.keys(PROBLEM_STATUS_LABELS) as ProblemStatusCode[];

/** What «Ответ по проблеме» did with each message. */
export const ANSWER_OUTCOME_LABELS = {
  released: "Ответ отправлен в канал",
  awaiting_contact: "Ждёт звонка куратора (ПОС)",
  failed: "Ошибка отправки — ответ одобрен, повтор позже",
  skipped: "Пропущено",
} as const;
export type AnswerOutcome = keyof typeof ANSWER_OUTCOME_LABELS;
