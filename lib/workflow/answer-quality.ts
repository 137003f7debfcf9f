// Signs that an answer is a formality («отписка»). Pure and safe for client components: the
// editor shows the warnings live and the coordinator sees the same list while reviewing.
import { ANSWER_TEMPLATES } from "./templates";

export type AnswerWarningCode = "too_short" | "template_unchanged" | "no_dates" | "no_actions" | "boilerplate";
export type AnswerWarning = { code: AnswerWarningCode; message: string };

export const MIN_ANSWER_CHARS = 200;

const MONTHS = "январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр";
const DATE_PATTERNS = [
  /\b\d{1,2}[./]\d{1,2}([./]\d{2,4})?\b/u,
  new RegExp(`\\d{1,2}\\s+(${MONTHS})`, "iu"),
  new RegExp(`(до|в|к|с)\\s+(конца|начала|середины)?\\s*(${MONTHS})`, "iu"),
  /(в течение|не позднее|в срок до|до конца)\s+[\p{L}\d]+/iu,
  /\b(20\d\d)\s*(год|г\.)/iu,
  /(квартал|недел[иья]|сегодня|завтра)/iu,
];
// Stems of verbs and nouns describing something done or scheduled.
const ACTION_STEMS = [
  "выполн",
  "провед",
  "провел",
  "устран",
  "отремонт",
  "ремонт",
  "замен",
  "вывез",
  "вывоз",
  "убран",
  "очищ",
  "установ",
  "демонтир",
  "восстанов",
  "направл",
  "выдан",
  "предписан",
  "обслед",
  "проверк",
  "запланир",
  "включ",
  "засыпан",
  "покос",
  "спил",
  "обрезк",
  "уборк",
  "заключ",
  "привлеч",
  "штраф",
  "выезд",
  "выехал",
];
const BOILERPLATE = [
  /принят[оа]? к сведению/iu,
  /в рамках (своей )?компетенции/iu,
  /рассмотр(им|ит|ен) возможность/iu,
  /по мере (поступления )?финансирования/iu,
  /будет рассмотрен[оа]? в установленном порядке/iu,
];

function normalize(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

export function answerWarnings(text: string): AnswerWarning[] {
  const t = normalize(text);
  const out: AnswerWarning[] = [];
  if (t.length < MIN_ANSWER_CHARS) {
    out.push({
      code: "too_short",
      message: `Ответ короче ${MIN_ANSWER_CHARS} символов — скорее всего, он не отвечает по существу.`,
    });
  }
  if (/\[[^\]]{1,80}\]/u.test(t) || ANSWER_TEMPLATES.some((x) => normalize(x.text) === t)) {
    out.push({
      code: "template_unchanged",
      message: "В ответе остались незаполненные поля шаблона в квадратных скобках.",
    });
  }
  if (!DATE_PATTERNS.some((re) => re.test(t))) {
    out.push({ code: "no_dates", message: "В ответе нет дат или сроков: укажите, когда сделано или будет сделано." });
  }
  const lower = t.toLowerCase();
  if (!ACTION_STEMS.some((s) => lower.includes(s))) {
    out.push({
      code: "no_actions",
      message: "В ответе не названы конкретные действия: что сделано или будет сделано.",
    });
  }
  if (BOILERPLATE.some((re) => re.test(t))) {
    out.push({
      code: "boilerplate",
      message: "Есть канцелярские обороты без содержания («принято к сведению», «рассмотрим возможность»).",
    });
  }
  return out;
}
