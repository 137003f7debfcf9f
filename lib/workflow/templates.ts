// Per-topic answer templates. Square-bracket placeholders must be replaced by the facts of the
// case; answer-quality.ts warns when any is left, so a template never goes out as is.
// Safe for client components (the editor inserts them).

export type AnswerTemplate = { code: string; topic: string; title: string; text: string };

const OPENING = "Уважаемый(ая) [имя заявителя]!\n\nВаше сообщение о [суть проблемы] по адресу [адрес] рассмотрено.";
const CLOSING = "Контроль исполнения осуществляет [должность, ФИО ответственного], телефон [телефон].";

function t(code: string, topic: string, title: string, body: string): AnswerTemplate {
  return { code, topic, title, text: `${OPENING}\n\n${body}\n\n${CLOSING}` };
}

export const ANSWER_TEMPLATES: readonly AnswerTemplate[] = [
  t(
    "housing",
    "housing",
    "ЖКХ и благоустройство",
    "[Дата] специалисты управляющей организации [название] провели обследование и установили [что установлено]. Работы по [вид работ] будут выполнены до [дата]. Фотоматериалы выполненных работ прилагаются.",
  ),
  t(
    "energy",
    "energy",
    "Энергетика",
    "Ресурсоснабжающей организацией [название] [дата] выполнены [работы на сетях]. Подача [электроэнергии / тепла / воды] восстановлена [дата, время]. Для предотвращения повторных отключений до [дата] будет [мера].",
  ),
  t(
    "waste",
    "waste",
    "Обращение с ТКО",
    "Региональному оператору [название] направлено требование о вывозе отходов с площадки по адресу [адрес]. Вывоз выполнен [дата]; график вывоза: [график]. Контроль соблюдения графика продолжится до [дата].",
  ),
  t(
    "roads",
    "roads",
    "Дороги",
    "Участок дороги по адресу [адрес] обследован [дата]. Ремонт [ямочный / асфальтового покрытия] включён в план работ подрядчика [название] со сроком выполнения до [дата].",
  ),
  t(
    "construction",
    "construction",
    "Строительство",
    "По объекту [название объекта] проведена проверка [дата]. Подрядчику [название] выдано предписание [содержание], срок устранения — до [дата].",
  ),
  t(
    "transport",
    "transport",
    "Транспорт",
    "Перевозчику [название] направлено требование [содержание]. С [дата] на маршруте № [номер] [что изменится].",
  ),
  t(
    "education",
    "education",
    "Образование",
    "Департаментом образования [дата] проведена проверка в [учреждение]. По её итогам [принятые меры]; срок — до [дата].",
  ),
  t(
    "property",
    "property",
    "Имущество и земля",
    "По земельному участку (объекту) [кадастровый номер / адрес] установлено: [что установлено]. Принято решение [решение]; срок исполнения — до [дата].",
  ),
  t(
    "trade",
    "trade",
    "Торговля",
    "По торговому объекту [название, адрес] [дата] проведён осмотр. Владельцу выдано [предписание / предостережение] со сроком устранения нарушений до [дата].",
  ),
  t(
    "culture",
    "culture",
    "Культура и спорт",
    "Учреждением [название] [дата] [принятые меры]. [Мероприятие / работы] будут проведены до [дата].",
  ),
  t(
    "guardianship",
    "guardianship",
    "Опека и попечительство",
    "Специалистами отдела опеки и попечительства [дата] [проведённые действия]. Дальнейшие меры: [меры] до [дата].",
  ),
  t(
    "redirect",
    "other",
    "Переадресация",
    "Вопрос относится к компетенции [наименование органа]. Ваше сообщение [дата] направлено туда для рассмотрения по существу; о результатах Вам сообщат до [дата].",
  ),
];

const BY_TOPIC = new Map(ANSWER_TEMPLATES.map((x) => [x.topic, x]));
const ALIASES: Record<string, string> = { sport: "culture", healthcare: "other", social: "other" };

/** The template suggested for a message's topic (falls back to the redirect template). */
export function templateForTopic(topic: string | null | undefined): AnswerTemplate {
  const key = topic ? (ALIASES[topic] ?? topic) : "other";
  return BY_TOPIC.get(key) ?? BY_TOPIC.get("other")!;
}

export function templateByCode(code: string | null | undefined): AnswerTemplate | null {
  return ANSWER_TEMPLATES.find((x) => x.code === code) ?? null;
}
