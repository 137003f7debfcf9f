import { describe, expect, it } from "vitest";
import { distinctiveWords, docFrequencies, placeStems } from "./growth-words";

const WEEK = [
  "В селе Чехов после замены трансформатора на подстанции перепады напряжения, сгорел холодильник.",
  "Трансформатор на подстанции гудит, свет мигает. Чехов.",
  "Перепады напряжения каждый вечер, подстанция искрит.",
  "Опять нет света на ул. Школьная, перепады напряжения после ремонта подстанции.",
  "Сгорела стиральная машина из-за перепадов, трансформатор не справляется.",
];
const BASELINE_TEXTS = [
  "Нет света третий час, когда включат?",
  "Не горит фонарь у остановки на ул. Школьная.",
  "Отключили свет без предупреждения.",
  "После ветра оборвало провода, света нет.",
  "Фонари горят днём и не горят ночью.",
  "Скачки напряжения, сгорел роутер.",
];
// Sizes like a real cell and topic: 10 messages this week against 60 of the baseline weeks (the
// prior needs some mass before a word's difference clears z = 1.645).
const WEEK_10 = [...WEEK, ...WEEK];
const BASELINE = Array.from({ length: 10 }, () => BASELINE_TEXTS).flat();

describe("distinctiveWords", () => {
  it("finds the words of the week that the topic's usual messages lack, in their most frequent form", () => {
    const words = distinctiveWords(WEEK_10, BASELINE, { exclude: placeStems("Чехов") });
    const shown = words.map((w) => w.word);
    expect(shown.slice(0, 3).sort()).toEqual(["перепады", "подстанции", "трансформатор"].sort());
    expect(shown).not.toContain("света"); // the topic's usual word
    expect(shown).not.toContain("чехов"); // the cell's own place
    expect(shown).not.toContain("школьная"); // a street name
    expect(shown).not.toContain("на"); // a stop word
    for (const w of words) {
      expect(w.messages).toBeGreaterThanOrEqual(2);
      expect(w.z).toBeGreaterThan(1.645);
    }
    expect(words.find((w) => w.word === "подстанции")!.messages).toBe(8);
    // Too few messages for the prior to be overcome: nothing is «distinctive».
    expect(distinctiveWords(WEEK.slice(0, 3), BASELINE_TEXTS)).toEqual([]);
  });

  it("gives the same words from cached baseline frequencies as from texts", () => {
    const fromTexts = distinctiveWords(WEEK_10, BASELINE, { exclude: placeStems("Чехов") });
    const fromDf = distinctiveWords(WEEK_10, docFrequencies(BASELINE), { exclude: placeStems("Чехов") });
    expect(fromTexts.length).toBeGreaterThan(0);
    expect(fromDf).toEqual(fromTexts);
  });

  it("a word used in one message only is not a pattern; no messages give no words", () => {
    const words = distinctiveWords([...WEEK_10, "Уникальноеслово встречается однажды."], BASELINE);
    expect(words.map((w) => w.word)).not.toContain("уникальноеслово");
    expect(distinctiveWords([], BASELINE)).toEqual([]);
  });
});
