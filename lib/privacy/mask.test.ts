import { describe, expect, it } from "vitest";
import { MASK, containsPersonalData, maskPersonalData, stripPersonalData } from "./mask";

const cases: [string, string][] = [
  ["Алексеева Ю. Н., тел. +7 914 903-96-42", `${MASK.name}, тел. ${MASK.phone}`],
  ["Звонить по номеру 8(42433)5-12-34 после обеда", `Звонить по номеру ${MASK.phone} после обеда`],
  ["Ответ прошу на ivanov@mail.ru или Ivan.Petrov-1@sakh.gov.ru.", `Ответ прошу на ${MASK.email} или ${MASK.email}.`],
  ["ул. Ленина, д. 12, кв. 45 — течёт крыша", `ул. Ленина, д. 12, кв. ${MASK.flat} — течёт крыша`],
  ["проживаю в квартире № 7а второй год", `проживаю в квартире № ${MASK.flat} второй год`],
  ["С уважением, Петров Иван", `С уважением, ${MASK.name}`],
  ["Меня зовут Ольга, живу на Комсомольской 5", `Меня зовут ${MASK.name}, живу на Комсомольской 5`],
  ["Иванов Сергей Петрович просит убрать снег", `${MASK.name} просит убрать снег`],
  ["Обращаюсь от имени Анны Ивановны, соседки", `Обращаюсь от имени ${MASK.name}, соседки`],
  ["Ю.Н. Алексеева не может выйти из дома", `${MASK.name} не может выйти из дома`],
  ["тел 51234, спросить управдома", `тел ${MASK.phone}, спросить управдома`],
  ["мобильный 89149039642", `мобильный ${MASK.phone}`],
];

describe("maskPersonalData", () => {
  it.each(cases)("%s", (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
    expect(containsPersonalData(input)).toBe(true);
  });

  it("keeps what the work needs: streets, houses, dates, amounts, numbers of documents", () => {
    const texts = [
      "Яма на ул. Пушкина возле д. 15 с 12.03.2026, глубина 20 см",
      "Во дворе дома 3 по проспекту Мира не горят фонари уже 10 дней",
      "Сообщение № 1234 от 01.12.2026: долг 15 000 руб. за 2025 год",
      "Улица Ленина, дом 7, подъезд 2: не работает лифт",
      "г. Южно-Сахалинск, пр. Победы 42 — мусор не вывозят",
      "Остановка «Площадь Победы», маршрут 63, интервал 25 минут",
    ];
    for (const t of texts) expect(maskPersonalData(t)).toBe(t);
  });

  it("strips personal data for word statistics", () => {
    expect(stripPersonalData("Алексеева Ю. Н., кв. 5, тел. 8 914 903 96 42: нет воды")).toBe(
      " , кв.  , тел.  : нет воды",
    );
  });

  it("passes empty values through", () => {
    expect(maskPersonalData(null)).toBeNull();
    expect(maskPersonalData("")).toBe("");
    expect(containsPersonalData(null)).toBe(false);
  });
});
