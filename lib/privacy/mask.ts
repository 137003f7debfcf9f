// Residents write their personal data into the message text itself («Алексеева Ю. Н., тел. +7 914
// 903-96-42, кв. 12»). Roles that may not see an applicant's personal data (152-ФЗ; see
// "pd.read" in lib/auth/permissions.ts) get every text with these parts replaced before it
// leaves the server. What the work needs stays: the street and the house, dates, amounts, message
// numbers. The rules lean towards hiding: a capitalised pair before initials is hidden even when
// it is not a name.
//
// Pure and safe anywhere (no server code), so the search indexer and tests use the same function.

export const MASK = {
  name: "[ФИО скрыто]",
  phone: "[телефон скрыт]",
  email: "[e-mail скрыт]",
  flat: "[скрыто]",
} as const;

const UP = "А-ЯЁ";
const LO = "а-яё";
// Spaces inside a name (never a line break: a title line is not a first name).
const SP = "[ \\t]+";
// A capitalised Russian word, also double-barrelled (Римский-Корсаков).
const WORD = `[${UP}][${LO}]+(?:-[${UP}][${LO}]+)?`;
// An initial: «Ю.», «Ю .»; the last one of a pair may lack its dot at the end of a sentence.
const INITIAL = `[${UP}] ?\\.`;
const INITIALS = `${INITIAL} ?(?:${INITIAL}|[${UP}](?![${LO}]))`;
// Patronymics: -ович/-евич/-ич, -овна/-евна/-ична/-инична, in any case ending (Ивановичу, Петровной).
const PATRONYMIC = `[${UP}][${LO}]+(?:ович|евич|ьич|ич|овн|евн|ичн|иничн)(?:а|у|ем|ом|е|ы|ой|ою)?`;
// Address abbreviations whose dot does not end a sentence («ул. Адмирала Макарова»).
const ABBREV = `(?:^|[^${LO}${UP}])(?:ул|пр|просп|пер|г|д|пгт|с|п|мкр|наб|пл|ш|им|корп|стр)`;
// Words that start a sentence or a title and are never a first name before initials.
const NOT_A_NAME = /^(?:Ул|Улица|Пр|Просп|Проспект|Пер|Переулок|Д|Дом|Кв|Г|Город|Пгт|С|Село|Тел|Телефон|Мкр)$/;

const RULES: { re: RegExp; to: (m: string, ...groups: string[]) => string }[] = [
  // E-mail addresses.
  { re: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, to: () => MASK.email },
  // Phone numbers: +7 / 8 / 7 and ten more digits in any grouping (+7 914 903-96-42, 8(42433)5-12-34,
  // 89149039642), and short local numbers right after «тел.»/«телефон»/«т.» (5-12-34, 51234).
  {
    re: /(?:\+\s?7|(?<![\d.,/])[78])[\s(-]*\d[\d\s()-]{8,20}\d(?!\d)/g,
    to: (m) => {
      let digits = 0;
      for (let i = 0; i < m.length; i++) {
        if (/\d/.test(m[i]) && ++digits === 11) return MASK.phone + m.slice(i + 1);
      }
      return m;
    },
  },
  {
    re: /((?:тел(?:ефон)?|моб|сот)\.?:?\s*(?:№\s*)?)(\d[\d\s()-]{3,}\d)/giu,
    to: (_m, lead) => `${lead}${MASK.phone}`,
  },
  // Flat numbers: «кв. 12», «квартира № 5а», «кв12»; the street and house stay.
  {
    re: new RegExp(`((?<![${LO}${UP}])(?:кв\\.?|квартир[аыеуой]{0,2})\\s*(?:№\\s*)?)\\d+[${LO}]?(?![${LO}\\d])`, "giu"),
    to: (_m, lead) => `${lead}${MASK.flat}`,
  },
  // Surname with initials: «Алексеева Ю. Н.», «Алексеева Ю.Н», and initials before it: «Ю. Н. Алексеева».
  {
    re: new RegExp(`(?<![${LO}${UP}.])(${WORD})${SP}${INITIALS}`, "gu"),
    to: (m, word) => (NOT_A_NAME.test(word) ? m : MASK.name),
  },
  { re: new RegExp(`(?<![${LO}${UP}])${INITIALS} ?${WORD}`, "gu"), to: () => MASK.name },
  // A name with a patronymic, with a surname before or after it: «Иванов Сергей Петрович»,
  // «Сергей Петрович», «Анна Ивановна Смирнова».
  {
    re: new RegExp(
      `(?<![${LO}${UP}])(?:${WORD}${SP})?${WORD}${SP}${PATRONYMIC}(?![${LO}])(?:${SP}${WORD}(?![.${LO}]))?`,
      "gu",
    ),
    to: () => MASK.name,
  },
  // A surname with one initial: «Захаров Д.», «Егоров А.» (not after «ул.», «д.» and the like).
  {
    re: new RegExp(`(?<![${LO}${UP}.])(${WORD})${SP}[${UP}]\\.`, "gu"),
    to: (m, word) => (NOT_A_NAME.test(word) ? m : MASK.name),
  },
  // A signature: two capitalised words opening a sentence and followed by a phone or the end of
  // the line («… Зайцев Анатолий, тел. …», «… Заранее спасибо. Крылова Алёна»).
  {
    re: new RegExp(
      `((?:^|(?<!${ABBREV})[.!?…]${SP}|\\n)[ \\t]*)(${WORD}${SP}${WORD})(?=\\s*,?\\s*(?:тел|моб|\\+7|8\\s?\\(?\\d)|[^\\p{L}\\d\\n!?]*(?:\\n|$))`,
      "gu",
    ),
    to: (m, lead, pair) => (NOT_A_NAME.test(pair.split(/\s+/)[0]) ? m : `${lead}${MASK.name}`),
  },
  // Introductions: «меня зовут Ольга», «с уважением, Петров Иван», «заявитель: Смирнова».
  {
    re: new RegExp(
      `((?:[Мм]еня зовут|[Сс] уважением,?|[Зз]аявитель:?|[Оо]бращается|[Пп]ишет)${SP})(${WORD}(?:${SP}${WORD}){0,2})`,
      "gu",
    ),
    to: (_m, lead) => `${lead}${MASK.name}`,
  },
];

/** The text with residents' names, phone numbers, e-mails and flat numbers replaced. */
export function maskPersonalData(text: string): string;
export function maskPersonalData(text: string | null): string | null;
export function maskPersonalData(text: string | null): string | null {
  if (!text) return text;
  let out = text;
  for (const r of RULES) out = out.replace(r.re, r.to as (m: string, ...a: string[]) => string);
  return out;
}

const MARKS = new RegExp(
  Object.values(MASK)
    .map((m) => m.replace(/[[\]]/g, "\\$&"))
    .join("|"),
  "g",
);

/** The text with personal data removed altogether, for statistics over words (a surname is never
 * a «distinctive word» of a growth, and neither is «скрыто»). */
export function stripPersonalData(text: string): string {
  return maskPersonalData(text).replace(MARKS, " ");
}

/** True when maskPersonalData would change the text (used to audit reads of such texts). */
export function containsPersonalData(text: string | null): boolean {
  return !!text && maskPersonalData(text) !== text;
}
