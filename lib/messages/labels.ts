// Russian names for codes shown in the UI. Safe for client components.
export const STATUS_LABELS = {
  new: "Новое",
  routed: "Направлено в блок",
  in_work: "В работе",
  answer_review: "На проверке",
  awaiting_contact: "Ждёт звонка куратора",
  answered: "Ответ отправлен",
  closed: "Закрыто",
  reopened: "Повторно открыто",
  returned: "Возвращено координатору",
  redirected: "Переадресовано",
  extension_requested: "Запрошено продление",
  rejected: "Отклонено",
} as const;

export const CHANNEL_LABELS = {
  pos: "ПОС «Решаем вместе»",
  incident: "Инцидент Менеджмент",
  smls: "СМ ЛС",
  sakhalin: "Сахалин.Онлайн",
} as const;

export const REGIME_LABELS = {
  fz59: "Обращение (59-ФЗ)",
  pos_message: "Сообщение ПОС",
  social_incident: "Инцидент соцсетей",
  portal: "Сообщение портала",
} as const;

export const DEADLINE_STATE_LABELS = {
  ok: "В срок",
  at_risk: "Под угрозой срыва",
  overdue: "Просрочено",
  none: "—",
} as const;

export type StatusCode = keyof typeof STATUS_LABELS;
export type ChannelCodeT = keyof typeof CHANNEL_LABELS;

/** Statuses in which the clock is running. */
export const OPEN_STATUSES: StatusCode[] = [
  "new",
  "routed",
  "in_work",
  "answer_review",
  "awaiting_contact",
  "reopened",
  "returned",
  "extension_requested",
];
