/**
 * Categories and subcategories a resident picks in «Решаем вместе» (ПОС), with the topic
 * (docs/ARCHITECTURE.md «Topics and blocks») each maps to by default. The real mapping is an editable table in the desk;
 * this list seeds it and drives the demo generator and the ПОС simulator.
 */
import type { Topic } from "@/lib/channels/types";

export type PosSubcategory = { id: number; name: string; /** Overrides the category's topic. */ topic?: Topic };
export type PosCategory = { id: number; name: string; topic: Topic; subcategories: readonly PosSubcategory[] };

export const POS_CATEGORIES: readonly PosCategory[] = [
  {
    id: 1,
    name: "Дороги",
    topic: "roads",
    subcategories: [
      { id: 101, name: "Ямы на дорогах" },
      { id: 102, name: "Ремонт дорог" },
      { id: 103, name: "Уборка снега и наледи на дорогах" },
      { id: 104, name: "Тротуары" },
      { id: 105, name: "Дорожные знаки и разметка" },
      { id: 106, name: "Светофоры и пешеходные переходы" },
    ],
  },
  {
    id: 2,
    name: "ЖКХ",
    topic: "housing",
    subcategories: [
      { id: 201, name: "Отопление" },
      { id: 202, name: "Холодное водоснабжение" },
      { id: 203, name: "Горячее водоснабжение" },
      { id: 204, name: "Водоотведение и канализация" },
      { id: 205, name: "Содержание и ремонт общего имущества" },
      { id: 206, name: "Протечка кровли" },
      { id: 207, name: "Работа управляющей компании" },
      { id: 208, name: "Капитальный ремонт" },
    ],
  },
  {
    id: 3,
    name: "Благоустройство",
    topic: "housing",
    subcategories: [
      { id: 301, name: "Детские площадки" },
      { id: 302, name: "Дворовые территории" },
      { id: 303, name: "Парки и скверы" },
      { id: 304, name: "Озеленение и аварийные деревья" },
      { id: 305, name: "Уборка улиц и дворов" },
      { id: 306, name: "Уличное освещение", topic: "energy" },
    ],
  },
  {
    id: 4,
    name: "Мусор/ТКО",
    topic: "waste",
    subcategories: [
      { id: 401, name: "Вывоз мусора" },
      { id: 402, name: "Контейнерные площадки" },
      { id: 403, name: "Несанкционированные свалки" },
      { id: 404, name: "Вывоз крупногабаритных отходов" },
    ],
  },
  {
    id: 5,
    name: "Общественный транспорт",
    topic: "transport",
    subcategories: [
      { id: 501, name: "Расписание и интервалы движения" },
      { id: 502, name: "Маршруты" },
      { id: 503, name: "Состояние автобусов" },
      { id: 504, name: "Остановочные павильоны" },
      { id: 505, name: "Работа перевозчика и водителей" },
    ],
  },
  {
    id: 6,
    name: "Образование",
    topic: "education",
    subcategories: [
      { id: 601, name: "Детские сады" },
      { id: 602, name: "Очередь в детский сад" },
      { id: 603, name: "Школы" },
      { id: 604, name: "Питание в школах" },
      { id: 605, name: "Подвоз школьников" },
      { id: 606, name: "Дополнительное образование" },
    ],
  },
  {
    id: 7,
    name: "Здравоохранение",
    topic: "healthcare",
    subcategories: [
      { id: 701, name: "Запись к врачу" },
      { id: 702, name: "Работа поликлиники" },
      { id: 703, name: "Лекарственное обеспечение" },
      { id: 704, name: "Скорая медицинская помощь" },
      { id: 705, name: "Фельдшерско-акушерские пункты" },
    ],
  },
  {
    id: 8,
    name: "Социальное обслуживание и защита",
    topic: "social",
    subcategories: [
      { id: 801, name: "Социальные выплаты и льготы" },
      { id: 802, name: "Помощь пожилым и инвалидам" },
      { id: 803, name: "Доступная среда" },
      { id: 804, name: "Поддержка многодетных семей" },
      { id: 805, name: "Поддержка участников СВО и их семей" },
    ],
  },
  {
    id: 9,
    name: "Энергетика",
    topic: "energy",
    subcategories: [
      { id: 901, name: "Отключения электроэнергии" },
      { id: 902, name: "Низкое напряжение в сети" },
      { id: 903, name: "Газоснабжение" },
      { id: 904, name: "Опоры и провода ЛЭП" },
    ],
  },
  {
    id: 10,
    name: "Строительство",
    topic: "construction",
    subcategories: [
      { id: 1001, name: "Строительство социальных объектов" },
      { id: 1002, name: "Самовольное строительство" },
      { id: 1003, name: "Переселение из аварийного жилья" },
      { id: 1004, name: "Долгострой" },
    ],
  },
  {
    id: 11,
    name: "Торговля",
    topic: "trade",
    subcategories: [
      { id: 1101, name: "Нестационарная и незаконная торговля" },
      { id: 1102, name: "Качество товаров и обслуживания" },
      { id: 1103, name: "Цены на продукты" },
      { id: 1104, name: "Ярмарки" },
    ],
  },
  {
    id: 12,
    name: "Спорт",
    topic: "sport",
    subcategories: [
      { id: 1201, name: "Спортивные площадки" },
      { id: 1202, name: "Спортивные секции" },
      { id: 1203, name: "Спортивные объекты" },
    ],
  },
  {
    id: 13,
    name: "Культура",
    topic: "culture",
    subcategories: [
      { id: 1301, name: "Дома культуры" },
      { id: 1302, name: "Библиотеки" },
      { id: 1303, name: "Культурные мероприятия" },
      { id: 1304, name: "Памятники и объекты культурного наследия" },
    ],
  },
  {
    id: 14,
    name: "Опека",
    topic: "guardianship",
    subcategories: [
      { id: 1401, name: "Опека над несовершеннолетними" },
      { id: 1402, name: "Жильё для детей-сирот" },
      { id: 1403, name: "Опека над совершеннолетними" },
    ],
  },
  {
    id: 15,
    name: "Имущество и земля",
    topic: "property",
    subcategories: [
      { id: 1501, name: "Предоставление земельных участков" },
      { id: 1502, name: "Земельные участки многодетным семьям" },
      { id: 1503, name: "Муниципальное жильё" },
      { id: 1504, name: "Аренда муниципального имущества" },
    ],
  },
  {
    id: 16,
    name: "Другое",
    topic: "other",
    subcategories: [
      { id: 1601, name: "Бродячие животные" },
      { id: 1602, name: "Мобильная связь и интернет" },
      { id: 1603, name: "Иное" },
    ],
  },
];

/** The default topic of a category/subcategory pair, or "other" when the pair is unknown. */
export function topicOfPosCategory(category: string, subcategory: string | null): Topic {
  const cat = POS_CATEGORIES.find((c) => c.name === category);
  if (!cat) return "other";
  const sub = subcategory ? cat.subcategories.find((s) => s.name === subcategory) : undefined;
  return sub?.topic ?? cat.topic;
}

/** Looks up ids for a category/subcategory pair (the ПОС API carries both ids and names). */
export function posCategoryIds(category: string, subcategory: string): { categoryId: number; subcategoryId: number } {
  const cat = POS_CATEGORIES.find((c) => c.name === category);
  const sub = cat?.subcategories.find((s) => s.name === subcategory);
  if (!cat || !sub) throw new Error(`Unknown ПОС category: ${category} / ${subcategory}`);
  return { categoryId: cat.id, subcategoryId: sub.id };
}
