// Russian names of workflow codes. Safe for client components.
export const CALL_OUTCOME_LABELS = {
  reached: "Дозвонились",
  no_answer: "Не отвечает",
  refused: "Отказался от разговора",
  wrong_number: "Неверный номер",
} as const;

export const ANSWER_STATUS_LABELS = {
  draft: "Черновик",
  submitted: "На проверке",
  returned: "Возвращён на доработку",
  approved: "Одобрен",
  released: "Отправлен заявителю",
  failed: "Ошибка отправки",
} as const;

export const EXTENSION_STATUS_LABELS = { pending: "Ждёт решения", approved: "Одобрено", denied: "Отказано" } as const;

export const UNIT_LABELS = { working: "рабочих дн.", calendar: "календарных дн." } as const;
