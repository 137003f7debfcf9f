import { describe, expect, it } from "vitest";
import { contentWords, normalizeText, stemBigrams, stemWord, stems, tokenize, wordKind } from "./tokenize";

describe("tokenize", () => {
  it("strips HTML tags, entities and script bodies", () => {
    expect(tokenize("<p>Нет&nbsp;света</p><br/>на улице<script>var x = 1</script>")).toEqual([
      "нет",
      "света",
      "на",
      "улице",
    ]);
    expect(tokenize("&lt;p&gt;Яма&lt;/p&gt; &#1076;орога")).toEqual(["яма", "дорога"]);
    expect(tokenize("<p>&nbsp;</p><br>")).toEqual([]);
  });

  it("lowercases, maps ё to е and drops punctuation, emoji and numbers", () => {
    expect(tokenize("ЁЛКИ НЕ ВЫВЕЗЛИ!!! 😡😡 дом 12, кв. 5")).toEqual(["елки", "не", "вывезли", "дом", "кв"]);
  });

  it("drops URLs and e-mail addresses", () => {
    expect(tokenize("смотрите https://example.com/a?b=c или www.site.ru пишите a@b.ru")).toEqual([
      "смотрите",
      "или",
      "пишите",
    ]);
  });

  it("collapses stretched letters and fixes Latin look-alikes inside Cyrillic words", () => {
    expect(tokenize("ужаааас оооочень")).toEqual(["ужас", "очень"]);
    // "дорогa" with a Latin "a", "KOНТЕЙНЕР" with Latin K and O
    expect(tokenize("дорогa KOНТЕЙНЕР")).toEqual(["дорога", "контейнер"]);
    expect(tokenize("wifi не работает")).toEqual(["wifi", "не", "работает"]);
  });

  it("handles empty and huge input", () => {
    expect(tokenize("")).toEqual([]);
    const huge = "мусор ".repeat(200_000);
    const words = tokenize(huge);
    expect(words.length).toBeGreaterThan(1000);
    expect(words.length).toBeLessThan(5000); // only the head is read
  });

  it("normalizeText gives one canonical form for differently formatted copies", () => {
    expect(normalizeText("<p>Мусор  НЕ вывозят!</p>")).toBe(normalizeText("мусор не вывозят"));
  });
});

describe("stemming and content words", () => {
  it("maps inflected forms to one stem", () => {
    expect(new Set(["дорога", "дороги", "дорогу", "дорогах"].map(stemWord)).size).toBe(1);
    expect(new Set(["контейнер", "контейнеры", "контейнеров"].map(stemWord)).size).toBe(1);
    expect(stemWord("отопления")).toBe(stemWord("отопление"));
  });

  it("leaves non-Cyrillic words as they are", () => {
    expect(stemWord("wifi")).toBe("wifi");
  });

  it("drops stop-words, place names and street names after a street marker", () => {
    expect(contentWords("В Холмске на ул. Школьная нет света и в Яблочном тоже")).toEqual(["света"]);
    expect(wordKind("и")).toBe("ignored");
    expect(wordKind("ул")).toBe("street-marker");
    expect(wordKind("школа")).toBe("content");
  });

  it("builds bigrams of adjacent content stems", () => {
    const st = stems("Управляющая компания не отвечает");
    expect(st).toHaveLength(3);
    expect(stemBigrams(st)).toEqual([`${st[0]} ${st[1]}`, `${st[1]} ${st[2]}`]);
    expect(stemBigrams([])).toEqual([]);
  });
});
