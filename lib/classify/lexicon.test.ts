import { describe, expect, it } from "vitest";
import { LEXICON, compileLexicon, topicsOfMask } from "./lexicon";
import { stemWord } from "./tokenize";
import { TOPICS } from "./topics";

describe("lexicon", () => {
  const lex = compileLexicon();
  const hit = (word: string) => topicsOfMask(lex.wordMask(word, stemWord(word)));
  const phrase = (a: string, b: string) => topicsOfMask(lex.phraseMask(stemWord(a), stemWord(b)));

  it("has entries for every topic", () => {
    for (const topic of TOPICS) expect(LEXICON[topic].length, topic).toBeGreaterThan(10);
  });

  it("matches prefix entries and stems", () => {
    expect(hit("отопления")).toContain("housing");
    expect(hit("мусоровоз")).toContain("waste");
    expect(hit("светофоры")).toContain("roads");
    expect(hit("опекунство")).toContain("guardianship");
    expect(hit("газ")).toContain("energy");
    expect(hit("кот")).toEqual([]);
  });

  it("matches two-word phrases by stems, skipping stop-words", () => {
    expect(phrase("управляющей", "компании")).toContain("housing");
    expect(phrase("детский", "дом")).toContain("guardianship");
    // "разрешение на строительство": "на" is a stop-word, so the phrase is разрешение+строительство
    expect(phrase("разрешения", "строительство")).toContain("construction");
  });

  it("accepts a custom lexicon", () => {
    const custom = compileLexicon({ ...LEXICON, sport: ["керлинг*"] });
    expect(topicsOfMask(custom.wordMask("керлингу", stemWord("керлингу")))).toContain("sport");
  });
});
