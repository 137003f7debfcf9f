// The `npm run classify` contract, spawned as a user runs it: one output line per input line, in
// order; bad lines give an error line, never a crash. Without DATABASE_URL: the default maps.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function runClassify(input: string, opts: { npm?: boolean } = {}) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const [cmd, args] = opts.npm
    ? ["npm", ["run", "--silent", "classify"]]
    : ["npx", ["tsx", "--conditions=react-server", "lib/cli/classify.ts"]];
  const r = spawnSync(cmd, args, { cwd: ROOT, input, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  const lines = r.stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: r.status, lines, stderr: r.stderr };
}

describe("npm run classify", () => {
  it("classifies and routes with the default maps, one line per input in order", () => {
    const input = [
      { id: 1, text: "Яма на дороге по улице Ленина, асфальт разбит, машины ломают колёса" },
      { id: "pos-1", text: "Во дворе не вывозят мусор", channel: "pos", category: "Дороги" },
      { id: 3, text: "Нет света", channel: "pos", category: "Благоустройство", subcategory: "Уличное освещение" },
      { id: 4, text: "В школе № 3 холодно в классах, дети сидят в куртках", channel: "smls" },
    ]
      .map((o) => JSON.stringify(o))
      .join("\n");
    const r = runClassify(input, { npm: true });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("DATABASE_URL");
    expect(r.lines).toEqual([
      { id: 1, topic: "roads", block: "sez", confidence: expect.any(Number) },
      { id: "pos-1", topic: "roads", block: "sez", confidence: 1 },
      { id: 3, topic: "energy", block: "zhkh", confidence: 1 },
      { id: 4, topic: "education", block: "edu", confidence: expect.any(Number) },
    ]);
    expect(Object.keys(r.lines[0])).toEqual(["id", "topic", "block", "confidence"]);
    expect(r.lines[0].confidence as number).toBeGreaterThan(0.5);
  }, 60_000);

  it("survives empty, HTML-only and 1 MB texts and malformed lines", () => {
    const huge =
      "Мусор не вывозят уже две недели, контейнеры переполнены. " + "<p>бла-бла&nbsp;текст</p> 😀 ".repeat(40_000);
    expect(huge.length).toBeGreaterThan(1_000_000);
    const input = [
      JSON.stringify({ id: "empty", text: "" }),
      JSON.stringify({ id: "html", text: "<p>&nbsp;</p><script>alert(1)</script>" }),
      JSON.stringify({ id: "huge", text: huge }),
      '{"id": "broken", "text": "не закрыта кавычка}',
      "это вообще не JSON",
      "",
      "[1, 2, 3]",
      JSON.stringify({ text: "без id" }),
      JSON.stringify({ id: "no-text" }),
      JSON.stringify({ id: "bad-channel", text: "мусор", channel: "telegram" }),
      JSON.stringify({ id: "bad-category", text: "мусор", category: 5 }),
      JSON.stringify({ id: "last", text: "Во дворе не вывозят мусор, контейнеры переполнены" }),
    ].join("\r\n");
    const r = runClassify(input);
    expect(r.status).toBe(0);
    const byId = (id: unknown) => r.lines.find((l) => l.id === id);
    expect(r.lines).toHaveLength(11); // the blank line is skipped
    expect(byId("empty")).toEqual({ id: "empty", topic: "other", block: null, confidence: 0 });
    expect(byId("html")).toEqual({ id: "html", topic: "other", block: null, confidence: 0 });
    expect(byId("huge")).toMatchObject({ topic: "waste", block: "zhkh" });
    expect(byId("broken")).toMatchObject({ error: expect.stringContaining("JSON") });
    expect(r.lines.filter((l) => l.id === null && l.error)).toHaveLength(3);
    for (const id of ["no-text", "bad-channel", "bad-category"])
      expect(byId(id)).toMatchObject({ error: expect.any(String) });
    expect(r.lines.at(-1)).toMatchObject({ id: "last", topic: "waste", block: "zhkh" });
  }, 60_000);

  it("handles 2,000 messages in a few seconds", () => {
    const texts = [
      "Во дворе не вывозят мусор",
      "Яма на дороге",
      "<b>Нет</b> горячей воды в доме 5",
      "В школе холодно",
      "Автобус № 3 не ходит по расписанию",
    ];
    const input = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ id: i, text: `${texts[i % 5]} ${i}`, channel: i % 2 ? "pos" : "incident" }),
    ).join("\n");
    const started = performance.now();
    const r = runClassify(input);
    const seconds = (performance.now() - started) / 1000;
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => l.id)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(r.lines.every((l) => typeof l.topic === "string" && !("error" in l))).toBe(true);
    // Generous for a loaded CI machine; the process start (tsx, model) dominates.
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});
