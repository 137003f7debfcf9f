import { describe, expect, it } from "vitest";
import { mergeCorrections } from "./corrections";
import { corpusSplit } from "./corpus";
import { train } from "./model";
import type { LabelledText } from "./topics";

const base: LabelledText[] = [
  { text: "Нет света на улице", topic: "energy" },
  { text: "Яма на дороге", topic: "roads" },
];

describe("mergeCorrections", () => {
  it("relabels an existing text matched by normalised form and appends new ones", () => {
    const result = mergeCorrections(base, [
      { text: "<p>НЕТ СВЕТА на улице!</p>", topic: "housing" },
      { text: "Новый текст про каток", topic: "sport" },
    ]);
    expect(result.examples).toEqual([
      { text: "Нет света на улице", topic: "housing" },
      { text: "Яма на дороге", topic: "roads" },
      { text: "Новый текст про каток", topic: "sport" },
    ]);
    expect(result).toMatchObject({ relabelled: 1, added: 1, skipped: 0 });
  });

  it("keeps the latest correction of the same text", () => {
    const result = mergeCorrections(
      [],
      [
        { text: "Про каток", topic: "culture" },
        { text: "про  каток!", topic: "sport" },
      ],
    );
    expect(result.examples).toEqual([{ text: "про  каток!", topic: "sport" }]);
  });

  it("skips invalid rows instead of throwing", () => {
    const result = mergeCorrections(base, [
      { text: "текст", topic: "unknown" },
      { text: "", topic: "roads" },
      { text: "😀", topic: "roads" },
      null,
      "строка",
      { topic: "roads" },
    ]);
    expect(result.skipped).toBe(6);
    expect(result.examples).toEqual(base);
  });

  it("does not modify its inputs", () => {
    const copy = structuredClone(base);
    mergeCorrections(base, [{ text: "Яма на дороге", topic: "construction" }]);
    expect(base).toEqual(copy);
  });

  it("teaches the model a coordinator's routing decision", () => {
    const text = "Квадрокоптеры жужжат над гаражами по ночам, разберитесь";
    const corrections = [
      { text, topic: "transport" },
      { text: "Квадрокоптеры летают над домами весь вечер", topic: "transport" },
      { text: "Опять квадрокоптеры жужжат над улицей", topic: "transport" },
    ];
    const { examples } = mergeCorrections(corpusSplit("train"), corrections);
    const model = train(examples, { calibrationFolds: 0 });
    expect(model.predict(text).topic).toBe("transport");
  });
});
