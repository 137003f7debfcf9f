// Reference data of docs/ARCHITECTURE.md «Topics and blocks» and «Channels»: blocks, topics, default topic→block mapping, channels.
// Codes are the public contract; names are what the UI shows.
import type { ChannelCode } from "@/lib/channels/types";

export const BLOCKS = [
  { code: "edu", name: "Департамент образования", shortName: "Образование" },
  { code: "zhkh", name: "Департамент ЖКХ", shortName: "ЖКХ" },
  {
    code: "property",
    name: "Департамент по управлению муниципальным имуществом и землепользованию",
    shortName: "Имущество и земля",
  },
  { code: "sez", name: "МКУ «Служба единого заказчика»", shortName: "СЕЗ" },
  {
    code: "economy",
    name: "Департамент экономического развития, инвестиционной политики и закупок",
    shortName: "Экономика",
  },
  { code: "culture", name: "Департамент культуры, спорта и молодёжной политики", shortName: "Культура и спорт" },
  { code: "guardianship", name: "Отдел опеки и попечительства", shortName: "Опека" },
  { code: "redirect", name: "Иные участники / переадресация", shortName: "Переадресация" },
] as const;

export type BlockCode = (typeof BLOCKS)[number]["code"];

export const TOPIC_DEFS: { code: string; name: string; block: BlockCode }[] = [
  { code: "education", name: "Образование", block: "edu" },
  { code: "healthcare", name: "Здравоохранение", block: "redirect" },
  { code: "social", name: "Социальная защита", block: "redirect" },
  { code: "transport", name: "Транспорт", block: "economy" },
  { code: "roads", name: "Дорожная деятельность", block: "sez" },
  { code: "energy", name: "Энергетика", block: "zhkh" },
  { code: "housing", name: "ЖКХ", block: "zhkh" },
  { code: "waste", name: "Обращение с ТКО", block: "zhkh" },
  { code: "property", name: "Имущество, земля и недвижимость", block: "property" },
  { code: "construction", name: "Строительство", block: "sez" },
  { code: "trade", name: "Потребительский рынок и торговля", block: "economy" },
  { code: "sport", name: "Спорт", block: "culture" },
  { code: "culture", name: "Культура", block: "culture" },
  { code: "guardianship", name: "Опека и попечительство", block: "guardianship" },
  { code: "other", name: "Прочее", block: "redirect" },
];

export const CHANNELS: { code: ChannelCode; name: string; port: number }[] = [
  { code: "pos", name: "ПОС «Решаем вместе»", port: 4101 },
  { code: "incident", name: "Инцидент Менеджмент", port: 4102 },
  { code: "smls", name: "СМ ЛС", port: 4103 },
  { code: "sakhalin", name: "Сахалин.Онлайн", port: 4104 },
];

/** Demo accounts. One password for all of them: they exist only on demo data. */
export const DEMO_PASSWORD = "demo-mcu-2026";

export type DemoUser = {
  login: string;
  fullName: string;
  role: "coordinator" | "block_head" | "block_curator" | "mcu_head" | "mcu_curator";
  block?: BlockCode;
  curates?: BlockCode[];
};

export const DEMO_USERS: DemoUser[] = [
  { login: "coordinator", fullName: "Ковалёва Марина Сергеевна", role: "coordinator" },
  { login: "coordinator2", fullName: "Ли Денис Ёнгирович", role: "coordinator" },
  { login: "mcu_head", fullName: "Тарасов Алексей Викторович", role: "mcu_head" },
  { login: "mcu_curator", fullName: "Белова Ирина Николаевна", role: "mcu_curator" },
  {
    login: "curator_city",
    fullName: "Гончаров Павел Андреевич",
    role: "block_curator",
    curates: ["zhkh", "sez", "property"],
  },
  {
    login: "curator_social",
    fullName: "Афанасьева Ольга Петровна",
    role: "block_curator",
    curates: ["edu", "culture", "guardianship", "redirect"],
  },
  { login: "curator_economy", fullName: "Ким Сергей Владимирович", role: "block_curator", curates: ["economy"] },
  { login: "head_edu", fullName: "Сафонова Наталья Игоревна", role: "block_head", block: "edu" },
  { login: "head_zhkh", fullName: "Мельников Игорь Олегович", role: "block_head", block: "zhkh" },
  { login: "head_property", fullName: "Захарова Елена Юрьевна", role: "block_head", block: "property" },
  { login: "head_sez", fullName: "Пак Роман Чунович", role: "block_head", block: "sez" },
  { login: "head_economy", fullName: "Орлова Татьяна Михайловна", role: "block_head", block: "economy" },
  { login: "head_culture", fullName: "Воронцов Артём Геннадьевич", role: "block_head", block: "culture" },
  {
    login: "head_guardianship",
    fullName: "Никитина Светлана Александровна",
    role: "block_head",
    block: "guardianship",
  },
  { login: "head_redirect", fullName: "Степанова Юлия Романовна", role: "block_head", block: "redirect" },
];
