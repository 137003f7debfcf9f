// How report figures and parameters read in Russian (page, print view, CSV). Safe for client
// components.
import { format } from "date-fns";
import { ru } from "date-fns/locale";
import { parseLocalDate } from "@/lib/deadlines/time";
import { CHANNEL_LABELS, REGIME_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { serializeQueueParams } from "@/lib/queue/params";
import { DIMENSION_LABELS, MEASURE_INFO, type Measure, type ReportConfig } from "./report-config";
import type { QueueFilter } from "./report-links";

const decimal = (v: number, digits: number) =>
  new Intl.NumberFormat("ru-RU", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

/** A figure as the page shows it: «1 234», «87,5 %», «36,2»; «—» when there is nothing to divide. */
export function formatMeasure(m: Measure, v: number | null | undefined): string {
  if (v == null) return "—";
  switch (MEASURE_INFO[m].kind) {
    case "count":
      return new Intl.NumberFormat("ru-RU").format(v);
    case "share":
      return `${decimal(v * 100, 1)} %`;
    case "hours":
      return decimal(v, 1);
  }
}

/** Extra queue filters for a measure that counts a subset of the cell's messages. */
const MEASURE_QUEUE_EXTRA: Partial<Record<Measure, QueueFilter>> = {
  answered: { answered: "yes" },
  reopened: { reopened: "yes" },
};

/** The queue URL of a cell's figure, or null when the queue cannot list it. */
export function queueHref(queue: QueueFilter | null, m: Measure): string | null {
  if (!queue) return null;
  return `/queue?${serializeQueueParams({ ...queue, ...MEASURE_QUEUE_EXTRA[m] })}`;
}

export function formatLocalDay(d: string): string {
  const { year, month, day } = parseLocalDate(d);
  return format(new Date(year, month - 1, day), "d MMMM yyyy", { locale: ru });
}

export function periodText(c: ReportConfig): string {
  return `с ${formatLocalDay(c.filters.from)} по ${formatLocalDay(c.filters.to)}`;
}

/** The filters besides the period, in words; topic and block by code unless names are given. */
export function filtersText(
  c: ReportConfig,
  names: { topics?: Record<string, string>; blocks?: Record<string, string> } = {},
): string {
  const f = c.filters;
  const parts: string[] = [];
  if (f.channel) parts.push(`канал: ${CHANNEL_LABELS[f.channel]}`);
  if (f.topic) parts.push(`тема: ${names.topics?.[f.topic] ?? f.topic}`);
  if (f.block) parts.push(`блок: ${names.blocks?.[f.block] ?? f.block}`);
  if (f.status) parts.push(`статус: ${STATUS_LABELS[f.status]}`);
  if (f.regime) parts.push(`режим: ${REGIME_LABELS[f.regime]}`);
  return parts.length ? parts.join("; ") : "без фильтров";
}

export function layoutText(c: ReportConfig): string {
  const rows = c.rows.length ? c.rows.map((d) => DIMENSION_LABELS[d]).join(" → ") : "без строк";
  const cols = c.columns.length ? DIMENSION_LABELS[c.columns[0]] : "без столбцов";
  return `строки: ${rows}; столбцы: ${cols}; показатели: ${c.measures.map((m) => MEASURE_INFO[m].label).join(", ")}`;
}

/** Notes the reader needs to read the figures right. */
export function reportNotes(c: ReportConfig): string[] {
  const dims = [...c.rows, ...c.columns];
  const notes: string[] = [];
  if (dims.includes("curator")) {
    notes.push(
      "Куратор блока: сообщение блока с двумя кураторами учтено у каждого из них; в «Итого» каждое сообщение считается один раз, поэтому итог может быть меньше суммы по кураторам.",
    );
  }
  if (dims.includes("locality")) {
    notes.push(
      "Населённый пункт: показаны 25 пунктов с наибольшим числом сообщений за период, остальные сложены в строку «Прочие населённые пункты».",
    );
  }
  if (dims.includes("month")) notes.push("Месяц — по дате регистрации сообщения по сахалинскому времени.");
  if (c.measures.includes("on_time"))
    notes.push(
      "В срок — доля ответов, отправленных не позже действующего срока, среди отвеченных сообщений со сроком.",
    );
  if (c.measures.includes("satisfaction"))
    notes.push("Удовлетворённость — доля удовлетворённых среди жителей, оценивших ответ.");
  if (c.measures.includes("median_hours"))
    notes.push("Медиана времени ответа — в часах от регистрации до отправки ответа, по отвеченным сообщениям.");
  return notes;
}
