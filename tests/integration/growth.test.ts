// «Причины роста» on crafted data: a spike is found with its words, a stable cell and a small
// 1 → 3 cell are not; the queue link lists exactly the spike's messages; «Создать проблему».
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { clearGrowthCache, growthReport, type Growth } from "@/lib/analytics/growth";
import { createProblemFromGrowth } from "@/lib/analytics/growth-problem";
import { growthTest } from "@/lib/analytics/growth-stats";
import { localDateOf } from "@/lib/deadlines/time";
import { listQueue } from "@/lib/queue/list-queue";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, userOf } from "./workflow-support";

const DAY = 86_400_000;
// A week in the past: other test files write messages "now" (thousands, from the ingest tests),
// which would crowd this data out of the report's top 20; only this file writes around this date.
const now = new Date("2025-06-18T03:00:00Z");
const tag = randomUUID().slice(0, 6);
// Own localities, so the demo data and other tests' messages never fall into these cells.
const SPIKE = `Провальное-${tag}`;
const STABLE = `Ровное-${tag}`;
const SMALL = `Малое-${tag}`;

const SPIKE_TEXTS = [
  "На ул. Мира образовался провал асфальта у канализационного люка, машина провалилась колесом.",
  "Возле люка на перекрёстке провал, асфальт просел на полметра. Огородите провал!",
  "Провал дороги рядом с люком ливневой канализации растёт каждый день.",
  "У школы провал асфальта вокруг люка, дети ходят рядом.",
];
const ROAD_TEXTS = [
  "На дороге огромные ямы, машины объезжают их по встречке.",
  "Просим провести ямочный ремонт дороги у остановки.",
  "Разбитая дорога, после дождя ямы превращаются в озёра.",
];

async function topicId(code: string): Promise<number> {
  return (await db().topic.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

async function message(opts: {
  topic: string;
  locality: string;
  ageDays: number;
  text: string;
  title?: string;
}): Promise<number> {
  const registeredAt = new Date(now.getTime() - opts.ageDays * DAY);
  const m = await db().message.create({
    data: {
      channel: "incident",
      regime: "social_incident",
      externalId: `growth-${randomUUID()}`,
      status: "routed",
      title: opts.title ?? null,
      textRaw: opts.text,
      textClean: opts.text,
      locality: opts.locality,
      sourceCreatedAt: registeredAt,
      registeredAt,
      topicId: await topicId(opts.topic),
      topicSource: "manual",
      events: { create: { kind: "created", toStatus: "new", reason: "test", createdAt: registeredAt } },
    },
    select: { id: true },
  });
  return m.id;
}

const spikeIds: number[] = [];

beforeAll(async () => {
  await ensureSeeded();
  // History reaching past the 8 baseline weeks, so all of them count.
  await message({ topic: "other", locality: `Давнее-${tag}`, ageDays: 70, text: "Старое сообщение." });
  // Spike: 12 messages this week (ages 0.3 … 5.8 days) against 3 in the baseline weeks.
  for (let i = 0; i < 12; i++)
    spikeIds.push(
      await message({
        topic: "roads",
        locality: SPIKE,
        ageDays: 0.3 + i * 0.5,
        text: SPIKE_TEXTS[i % SPIKE_TEXTS.length],
      }),
    );
  for (const k of [2, 5, 7])
    await message({ topic: "roads", locality: SPIKE, ageDays: 7 * k + 3, text: ROAD_TEXTS[k % ROAD_TEXTS.length] });
  // Stable: 6 a week for 8 weeks, 7 this week.
  for (let k = 1; k <= 8; k++)
    for (let j = 0; j < 6; j++)
      await message({
        topic: "roads",
        locality: STABLE,
        ageDays: 7 * k + 1 + j * 0.8,
        text: ROAD_TEXTS[j % ROAD_TEXTS.length],
      });
  for (let j = 0; j < 7; j++)
    await message({
      topic: "roads",
      locality: STABLE,
      ageDays: 0.5 + j * 0.7,
      text: ROAD_TEXTS[j % ROAD_TEXTS.length],
    });
  // Small: 1 → 3.
  await message({ topic: "culture", locality: SMALL, ageDays: 20, text: "В доме культуры не работает отопление." });
  for (let j = 0; j < 3; j++)
    await message({ topic: "culture", locality: SMALL, ageDays: 1 + j, text: "В доме культуры отменили кружок." });
});

function find(growths: Growth[], locality: string) {
  return growths.find((g) => g.locality === locality);
}

describe("growthReport", () => {
  it("finds the spike with its counts, statistics, words and samples; not the stable or the small cell", async () => {
    const coordinator = await userOf("coordinator");
    const r = await growthReport(coordinator, { now, limit: 1000 });
    expect(r.insufficientHistory).toBe(false);
    expect(r.current.to).toBe(localDateOf(now));
    expect(r.baseline).toHaveLength(8);
    expect(r.baseline[7].to < r.current.from).toBe(true);

    const g = find(r.growths, SPIKE);
    expect(r.growths.map((x) => [x.topicCode, x.locality])).toContainEqual(["roads", SPIKE]);
    expect(g!.topicCode).toBe("roads");
    expect(g!.observed).toBe(12);
    expect(g!.expected).toBeCloseTo(3 / 8, 12);
    expect(g!.ratio).toBeCloseTo(32, 10);
    expect(g!.weekly).toHaveLength(9);
    expect(g!.weekly.reduce((s, x) => s + x, 0)).toBe(15);
    expect(g!.weekly[8]).toBe(12);
    expect(g!.pValue).toBeCloseTo(growthTest(12, 3, 8).pValue, 15);
    expect(g!.qValue).toBeGreaterThanOrEqual(g!.pValue);
    expect(g!.qValue).toBeLessThanOrEqual(0.05);

    const words = g!.words.map((w) => w.word);
    expect(words).toContain("провал");
    expect(words).toContain("люка");
    // Stop words, place names and the usual words of the topic are not «distinctive».
    for (const w of ["на", "дороги", "ул", "мира"]) expect(words).not.toContain(w);

    expect(g!.samples).toHaveLength(3);
    expect(g!.samples.map((s) => s.id)).toEqual(spikeIds.slice(0, 3));
    expect(g!.problems).toEqual([]);

    expect(find(r.growths, STABLE)).toBeUndefined();
    // 1 → 3: a large ratio, and yet fewer than MIN_CURRENT messages.
    expect(find(r.growths, SMALL)).toBeUndefined();
    expect(growthTest(3, 1, 8).ratio).toBe(24);
  });

  it("the queue link lists exactly this week's messages of the cell", async () => {
    const coordinator = await userOf("coordinator");
    const r = await growthReport(coordinator, { now, limit: 1000 });
    const g = find(r.growths, SPIKE)!;
    const url = new URL(g.queueHref, "http://localhost");
    expect(url.pathname).toBe("/queue");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      topic: "roads",
      locality: SPIKE,
      from: r.current.from,
      to: r.current.to,
    });
    const list = await listQueue(coordinator, { ...Object.fromEntries(url.searchParams), perPage: "100" });
    expect(list.count).toBe(12);
    expect(list.data.map((m) => m.id).sort((a, b) => a - b)).toEqual([...spikeIds].sort((a, b) => a - b));
    // The МЦУ curator's read-only queue gets the same list.
    const curator = await listQueue(await userOf("mcu_curator"), Object.fromEntries(url.searchParams));
    expect(curator.count).toBe(12);
  });

  it("reuses the live report for a minute; a write's clearing recomputes it", async () => {
    const coordinator = await userOf("coordinator");
    clearGrowthCache();
    const a = await growthReport(coordinator);
    const b = await growthReport(await userOf("mcu_curator"), { limit: 3 });
    expect(b.computedAt).toBe(a.computedAt);
    // The same growths; the МЦУ curator's samples are the same messages with personal data masked.
    const ids = (g: (typeof a.growths)[number]) => ({ ...g, samples: g.samples.map((x) => x.id) });
    expect(b.growths.map(ids)).toEqual(a.growths.slice(0, 3).map(ids));
    await new Promise((r) => setTimeout(r, 5));
    clearGrowthCache();
    const c = await growthReport(coordinator);
    expect(c.computedAt).not.toBe(a.computedAt);
  });

  it("is refused to roles outside the coordinator and the МЦУ", async () => {
    await expectAppError(growthReport(await userOf("head_zhkh"), { now }), "forbidden");
    await expectAppError(growthReport(await userOf("curator_city"), { now }), "forbidden");
    // The МЦУ sees the coordinator's report: the same growths over the whole district.
    const cells = (r: Awaited<ReturnType<typeof growthReport>>) =>
      r.growths.map((g) => [g.topicCode, g.locality, g.observed]);
    const expected = cells(await growthReport(await userOf("coordinator"), { now }));
    expect(expected.length).toBeGreaterThan(0);
    expect(cells(await growthReport(await userOf("mcu_curator"), { now }))).toEqual(expected);
    expect(cells(await growthReport(await userOf("mcu_head"), { now }))).toEqual(expected);
  });
});

describe("createProblemFromGrowth", () => {
  it("creates a «growth» problem with the week's messages, audited; a second time is a conflict", async () => {
    const coordinator = await userOf("coordinator");
    const r = await growthReport(coordinator, { now, limit: 1000 });
    const input = { topic: "roads", locality: SPIKE, from: r.current.from, to: r.current.to };

    await expectAppError(createProblemFromGrowth(await userOf("mcu_curator"), input, now), "forbidden");
    await expectAppError(createProblemFromGrowth(coordinator, { ...input, to: r.current.from }, now), "invalid_input");
    await expectAppError(
      createProblemFromGrowth(coordinator, { ...input, topic: "x'; DROP TABLE messages; --" }, now),
      "invalid_input",
    );

    const created = await createProblemFromGrowth(coordinator, input, now);
    expect(created.attached).toBe(12);
    const p = await db().problem.findUniqueOrThrow({
      where: { id: created.id },
      select: {
        origin: true,
        title: true,
        locality: true,
        topic: { select: { code: true } },
        createdById: true,
        members: { where: { detachedAt: null }, select: { messageId: true } },
      },
    });
    expect(p.origin).toBe("growth");
    expect(p.locality).toBe(SPIKE);
    expect(p.topic?.code).toBe("roads");
    expect(p.createdById).toBe(coordinator.id);
    expect(p.title).toContain("провал");
    expect(p.members.map((m) => m.messageId).sort((a, b) => a - b)).toEqual([...spikeIds].sort((a, b) => a - b));
    const logged = await pgPool().query(
      `SELECT actor_id, data FROM audit_log WHERE action = 'growth.problem_create' AND entity_id = $1`,
      [String(created.id)],
    );
    expect(logged.rows).toHaveLength(1);
    expect(logged.rows[0].actor_id).toBe(coordinator.id);

    await expectAppError(createProblemFromGrowth(coordinator, input, now), "conflict", new RegExp(`№ ${created.id}`));

    const after = await growthReport(coordinator, { now, limit: 1000 });
    expect(find(after.growths, SPIKE)!.problems).toEqual([{ id: created.id, title: p.title, messages: 12 }]);
  });
});
