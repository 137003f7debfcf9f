/**
 * Russian names, phones and e-mails for demo authors. Sakhalin has a large Korean community,
 * so a share of surnames is Korean (Ким, Пак, Цой…), which keeps the demo data believable.
 */
import type { Rng } from "./rng";

type Gender = "m" | "f";

const MALE_FIRST = [
  "Александр",
  "Сергей",
  "Андрей",
  "Дмитрий",
  "Алексей",
  "Николай",
  "Владимир",
  "Иван",
  "Евгений",
  "Михаил",
  "Игорь",
  "Олег",
  "Виктор",
  "Павел",
  "Юрий",
  "Артём",
  "Максим",
  "Роман",
  "Константин",
  "Денис",
  "Геннадий",
  "Вячеслав",
  "Анатолий",
  "Станислав",
  "Кирилл",
];
const FEMALE_FIRST = [
  "Елена",
  "Ольга",
  "Наталья",
  "Татьяна",
  "Ирина",
  "Светлана",
  "Анна",
  "Марина",
  "Юлия",
  "Екатерина",
  "Людмила",
  "Галина",
  "Оксана",
  "Валентина",
  "Надежда",
  "Мария",
  "Виктория",
  "Алёна",
  "Дарья",
  "Ксения",
  "Лариса",
  "Нина",
  "Любовь",
  "Вера",
  "Евгения",
];
/** [masculine, feminine] patronymic pairs. */
const PATRONYMICS: readonly (readonly [string, string])[] = [
  ["Александрович", "Александровна"],
  ["Сергеевич", "Сергеевна"],
  ["Андреевич", "Андреевна"],
  ["Дмитриевич", "Дмитриевна"],
  ["Алексеевич", "Алексеевна"],
  ["Николаевич", "Николаевна"],
  ["Владимирович", "Владимировна"],
  ["Иванович", "Ивановна"],
  ["Евгеньевич", "Евгеньевна"],
  ["Михайлович", "Михайловна"],
  ["Игоревич", "Игоревна"],
  ["Олегович", "Олеговна"],
  ["Викторович", "Викторовна"],
  ["Павлович", "Павловна"],
  ["Юрьевич", "Юрьевна"],
  ["Анатольевич", "Анатольевна"],
  ["Геннадьевич", "Геннадьевна"],
  ["Петрович", "Петровна"],
  ["Васильевич", "Васильевна"],
  ["Борисович", "Борисовна"],
];
/** Masculine forms; feminine forms are derived by feminineSurname. */
const SURNAMES = [
  "Иванов",
  "Петров",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Васильев",
  "Соколов",
  "Михайлов",
  "Новиков",
  "Фёдоров",
  "Морозов",
  "Волков",
  "Алексеев",
  "Лебедев",
  "Семёнов",
  "Егоров",
  "Павлов",
  "Козлов",
  "Степанов",
  "Николаев",
  "Орлов",
  "Андреев",
  "Макаров",
  "Никитин",
  "Захаров",
  "Зайцев",
  "Соловьёв",
  "Борисов",
  "Яковлев",
  "Григорьев",
  "Романов",
  "Воробьёв",
  "Сергеев",
  "Кузьмин",
  "Фролов",
  "Александров",
  "Дмитриев",
  "Королёв",
  "Гусев",
  "Киселёв",
  "Ильин",
  "Максимов",
  "Поляков",
  "Сорокин",
  "Виноградов",
  "Ковалёв",
  "Белов",
  "Медведев",
  "Антонов",
  "Тарасов",
  "Жуков",
  "Баранов",
  "Филиппов",
  "Комаров",
  "Давыдов",
  "Беляев",
  "Герасимов",
  "Богданов",
  "Осипов",
  "Сидоров",
  "Матвеев",
  "Титов",
  "Марков",
  "Миронов",
  "Крылов",
  "Куликов",
  "Карпов",
  "Власов",
  "Мельников",
  "Денисов",
  "Гаврилов",
  "Тихонов",
  "Казаков",
  "Афанасьев",
  "Данилов",
  "Пономарёв",
  "Калинин",
  "Чернышёв",
  "Соболев",
  "Островский",
  "Вишневский",
  "Шевченко",
  "Бондаренко",
  "Ткаченко",
  "Ким",
  "Пак",
  "Ли",
  "Цой",
  "Тен",
  "Хан",
  "Шин",
  "Югай",
  "Огай",
];

/** Latin transliteration for e-mail local parts (ГОСТ-like, simplified). */
const TRANSLIT: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

const EMAIL_DOMAINS = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru", "rambler.ru", "ya.ru"];
/** Sakhalin mobile operators' DEF codes. */
const PHONE_CODES = ["914", "924", "962", "984", "909", "902"];

export type Person = {
  gender: Gender;
  firstName: string;
  middleName: string | null;
  lastName: string;
  /** «Иванова Ольга Петровна» */
  fullName: string;
  /** «+7 914 123-45-67» */
  phone: string;
  email: string;
};

function feminineSurname(masc: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(masc)) return `${masc}а`;
  if (masc.endsWith("ский")) return `${masc.slice(0, -4)}ская`;
  // Korean and Ukrainian -ко surnames do not change.
  return masc;
}

/** Names repeat constantly, so their transliterations are memoized. */
const TRANSLIT_CACHE = new Map<string, string>();

export function transliterate(text: string): string {
  const cached = TRANSLIT_CACHE.get(text);
  if (cached !== undefined) return cached;
  let out = "";
  for (const ch of text.toLowerCase()) out += TRANSLIT[ch] ?? (/[a-z0-9]/.test(ch) ? ch : "");
  if (TRANSLIT_CACHE.size < 10_000) TRANSLIT_CACHE.set(text, out);
  return out;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pickPerson(rng: Rng): Person {
  const gender: Gender = rng.chance(0.58) ? "f" : "m"; // women write to authorities more often
  const firstName = gender === "f" ? rng.pick(FEMALE_FIRST) : rng.pick(MALE_FIRST);
  const [pm, pf] = rng.pick(PATRONYMICS);
  const middleName = rng.chance(0.95) ? (gender === "f" ? pf : pm) : null;
  const masc = rng.pick(SURNAMES);
  const lastName = gender === "f" ? feminineSurname(masc) : masc;
  const fullName = middleName ? `${lastName} ${firstName} ${middleName}` : `${lastName} ${firstName}`;
  const phone = `+7 ${rng.pick(PHONE_CODES)} ${rng.int(100, 999)}-${twoDigits(rng.int(0, 99))}-${twoDigits(rng.int(0, 99))}`;
  const local = rng.pick([
    () => `${transliterate(lastName)}.${transliterate(firstName).slice(0, 1)}`,
    () => `${transliterate(firstName)}${rng.int(1, 99)}`,
    () => `${transliterate(lastName)}${rng.int(1960, 2005)}`,
    () => `${transliterate(firstName).slice(0, 1)}${transliterate(lastName)}`,
    () => `${transliterate(lastName)}_${transliterate(firstName)}`,
  ])();
  return { gender, firstName, middleName, lastName, fullName, phone, email: `${local}@${rng.pick(EMAIL_DOMAINS)}` };
}

/** A social-network display name: sometimes a nickname instead of the real name. */
export function socialDisplayName(rng: Rng, person: Person): string {
  return rng.weighted([
    [`${person.firstName} ${person.lastName}`, 6],
    [`${person.firstName} ${person.lastName.slice(0, 1)}.`, 1],
    [
      `${person.firstName} ${rng.pick(["Холмская", "Сахалинская", "С Сахалина", "Островная"])}`.trim(),
      person.gender === "f" ? 1 : 0,
    ],
    [`${transliterate(person.firstName)}_${rng.int(10, 999)}`, 1],
  ]);
}
