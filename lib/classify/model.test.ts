import { beforeAll, describe, expect, it } from "vitest";
import { classifyText, getTopicModel } from "./classifier";
import { corpusSplit, loadCorpus } from "./corpus";
import { loadModel, train, type TopicModel } from "./model";
import { normalizeText, tokenize } from "./tokenize";
import { TOPICS } from "./topics";

const trainSet = corpusSplit("train");
const testSet = corpusSplit("test");

function accuracy(model: TopicModel): number {
  return testSet.filter((e) => model.predict(e.text).topic === e.topic).length / testSet.length;
}

describe("corpus", () => {
  const corpus = loadCorpus();

  it("has ≥ 700 examples, ≥ 30 per topic and about 20% test per topic", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(700);
    for (const topic of TOPICS) {
      const all = corpus.filter((e) => e.topic === topic);
      const test = all.filter((e) => e.split === "test");
      expect(all.length, topic).toBeGreaterThanOrEqual(30);
      expect(test.length / all.length, topic).toBeGreaterThan(0.15);
      expect(test.length / all.length, topic).toBeLessThan(0.25);
    }
  });

  it("has unique ids and no test text duplicated in train", () => {
    expect(new Set(corpus.map((e) => e.id)).size).toBe(corpus.length);
    const trainTexts = new Set(trainSet.map((e) => normalizeText(e.text)));
    for (const e of testSet) expect(trainTexts.has(normalizeText(e.text)), e.id).toBe(false);
  });
});

describe("model trained on the train split", () => {
  let model: TopicModel;
  beforeAll(() => {
    model = train(trainSet);
  });

  it("reaches ≥ 0.85 accuracy on the held-out test split", () => {
    expect(accuracy(model)).toBeGreaterThanOrEqual(0.85);
  });

  it("gives identical predictions after a JSON save/load round trip", () => {
    const restored = loadModel(JSON.parse(JSON.stringify(model.serialize())) as unknown);
    expect(restored.serialize()).toEqual(model.serialize());
    for (const e of [...testSet, ...trainSet]) expect(restored.predict(e.text)).toEqual(model.predict(e.text));
  });

  it("rejects malformed model JSON", () => {
    const good = model.serialize();
    expect(() => loadModel(null)).toThrow();
    expect(() => loadModel({ ...good, version: 2 })).toThrow();
    expect(() => loadModel({ ...good, topics: ["roads"] })).toThrow();
    expect(() => loadModel({ ...good, weights: good.weights.slice(1) })).toThrow();
    expect(() => loadModel({ ...good, bias: ["x"] })).toThrow();
  });

  it("returns a probability and up to five of the message's own words", () => {
    for (const e of testSet) {
      const p = model.predict(e.text);
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
      expect(p.words.length).toBeLessThanOrEqual(5);
      const own = new Set(tokenize(e.text));
      for (const w of p.words) expect(own.has(w), `${w} in ${e.id}`).toBe(true);
    }
  });

  it("explains a clear message with its topic words", () => {
    const p = model.predict("Контейнеры переполнены, мусор не вывозят вторую неделю");
    expect(p.topic).toBe("waste");
    expect(p.words).toEqual(expect.arrayContaining(["мусор"]));
    expect(p.words.length).toBeGreaterThanOrEqual(2);
  });
});

describe("committed model.json", () => {
  it("loads and reaches ≥ 0.85 accuracy on the test split", () => {
    expect(accuracy(getTopicModel())).toBeGreaterThanOrEqual(0.85);
  });

  it("classifies typical messages", () => {
    expect(classifyText("Ямы на дороге по Советской, машину не проехать").topic).toBe("roads");
    expect(classifyText("В квартире холодные батареи, управляющая компания не отвечает").topic).toBe("housing");
    expect(classifyText("Нет света с утра, когда включат электричество?").topic).toBe("energy");
    expect(classifyText("Очередь в детский сад не двигается").topic).toBe("education");
    expect(classifyText("Большое спасибо за помощь!").topic).toBe("other");
  });
});
