import { describe, expect, it } from "vitest";
import { answerWarnings } from "./answer-quality";
import { ANSWER_TEMPLATES, templateForTopic } from "./templates";

const codes = (t: string) => answerWarnings(t).map((w) => w.code);

describe("answerWarnings", () => {
  it("flags a typical «отписка»", () => {
    expect(codes("Ваше обращение рассмотрено, информация принята к сведению.")).toEqual([
      "too_short",
      "no_dates",
      "no_actions",
      "boilerplate",
    ]);
  });

  it("flags every template left as is", () => {
    for (const t of ANSWER_TEMPLATES) expect(codes(t.text), t.code).toContain("template_unchanged");
  });

  it("accepts a concrete answer with dates and actions", () => {
    const good =
      "Уважаемая Анна Петровна! 12.12.2026 специалисты управляющей организации выехали на место и провели обследование подъезда. " +
      "Подрядчику выдано предписание: ремонт кровли будет выполнен до 25 декабря 2026 года. Фотографии выполненных работ направим дополнительно.";
    expect(codes(good)).toEqual([]);
  });

  it("recognises dates written in words and terms", () => {
    const base =
      "Специалисты провели обследование и направили требование подрядчику, работы будут выполнены " +
      "подробно ".repeat(20);
    expect(codes(`${base} до конца марта`)).not.toContain("no_dates");
    expect(codes(`${base} в течение 10 дней`)).not.toContain("no_dates");
    expect(codes(base)).toContain("no_dates");
  });
});

describe("templates", () => {
  it("suggests a template for every topic", () => {
    for (const topic of ["housing", "energy", "waste", "roads", "sport", "healthcare", "other", "unknown", null]) {
      expect(templateForTopic(topic).text.length, String(topic)).toBeGreaterThan(100);
    }
    expect(templateForTopic("sport").code).toBe("culture");
  });
});
