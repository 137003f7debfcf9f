// What the coordinator can tick when returning an answer for rework. Safe for client components.
export const REVIEW_CHECKLIST = {
  formal: "Формальный ответ или не по существу вопроса",
  no_dates: "Нет сроков выполнения",
  no_evidence: "Нет подтверждений (фото, акты, документы)",
  contradictions: "Противоречия в ответе или с фактами",
} as const;

export type ChecklistCode = keyof typeof REVIEW_CHECKLIST;
export const CHECKLIST_CODES = Object.keys(REVIEW_CHECKLIST) as [ChecklistCode, ...ChecklistCode[]];
