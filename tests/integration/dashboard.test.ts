// The МЦУ curator's dashboard: every figure against a direct SQL count over the same messages
// (seeded demo data and a crafted week with hand-known answers), the previous period, the rollup
// against live SQL after full and incremental refreshes, and the click-through: each link on the
// page opens a queue list of exactly the count it shows.
import { beforeAll, describe, expect, it } from "vitest";
import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { loadDashboard } from "@/lib/analytics/dashboard";
import { refreshDashboardRollup } from "@/lib/analytics/dashboard-rollup";
import { compareRows, kpiCards, type FigureLink } from "@/lib/analytics/dashboard-figures";
import { bucketsOf, resolveDashboardPeriod } from "@/lib/analytics/dashboard-period";
import type { DashboardData } from "@/lib/analytics/dashboard-types";
import { listQueue } from "@/lib/queue/list-queue";
import { PERIODIC_JOBS } from "@/lib/jobs/periodic";
import { COUNT_CAP } from "@/lib/queue/params";
import {
  CallsTable,
  ComplianceTable,
  DimTable,
  OverdueList,
  SatisfactionTable,
  VolumeTable,
} from "@/components/dashboard/tables";
import { KpiGrid } from "@/components/dashboard/kpi-grid";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, makeMessage, userOf } from "./workflow-support";

type Row = Record<string, number>;

/** Sakhalin is UTC+11: local day D starts at D 00:00+11. Written out here, independent of the app. */
const startOf = (d: string) => new Date(`${d}T00:00:00+11:00`);
const nextDay = (d: string) => new Date(startOf(d).getTime() + 86_400_000);

/** The figures straight from messages, written from the definitions in the issue (not via measures.ts). */
const FIGURES_SQL = `
  count(*)::int AS messages,
  count(*) FILTER (WHERE rating_satisfied IS NOT NULL)::int AS rated,
  count(*) FILTER (WHERE rating_satisfied)::int AS satisfied,
  coalesce(sum(last_rating), 0)::int AS "ratingSum",
  count(last_rating)::int AS "ratingCount",
  count(answered_at)::int AS answered,
  count(*) FILTER (WHERE answered_at IS NOT NULL AND due_at IS NOT NULL)::int AS "onTimeBase",
  count(*) FILTER (WHERE answered_at <= due_at)::int AS "onTime",
  count(*) FILTER (WHERE reopen_count > 0)::int AS reopened,
  count(*) FILTER (WHERE channel = 'pos' AND (status IN ('awaiting_contact', 'answered', 'closed') OR answered_at IS NOT NULL))::int AS "callNeeded",
  count(*) FILTER (WHERE channel = 'pos' AND (status IN ('awaiting_contact', 'answered', 'closed') OR answered_at IS NOT NULL)
                   AND EXISTS (SELECT 1 FROM contact_attempts c WHERE c.message_id = m.id))::int AS called`;

async function sqlFigures(from: string, to: string, extra = "TRUE", params: unknown[] = []): Promise<Row> {
  const r = await pgPool().query<Row>(
    `SELECT ${FIGURES_SQL} FROM messages m WHERE registered_at >= $1 AND registered_at < $2 AND ${extra}`,
    [startOf(from), nextDay(to), ...params],
  );
  return r.rows[0];
}

async function sqlMedian(from: string, to: string): Promise<number | null> {
  const r = await pgPool().query<{ h: number | null }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - registered_at) / 3600) AS h
     FROM messages WHERE answered_at IS NOT NULL AND registered_at >= $1 AND registered_at < $2`,
    [startOf(from), nextDay(to)],
  );
  return r.rows[0].h;
}

async function fresh(raw: Record<string, string>, now = new Date()): Promise<DashboardData> {
  await refreshDashboardRollup();
  return loadDashboard(await userOf("mcu_curator"), raw, now);
}

/** Every (count, link) pair the page shows: KPI cards, chart bars and the rendered tables. */
function allLinks(d: DashboardData): { value: number; href: string; where: string }[] {
  const out: { value: number; href: string; where: string }[] = [];
  const add = (f: FigureLink | null | undefined, where: string) => {
    if (f?.href) out.push({ value: f.value, href: f.href, where });
  };
  for (const k of kpiCards(d)) {
    k.links.forEach((l) => add(l, `kpi ${k.key}`));
    k.prevLinks.forEach((l) => add(l, `kpi ${k.key} prev`));
  }
  const bars = compareRows(d);
  for (const [name, rows] of Object.entries(bars)) {
    for (const r of rows) {
      if (r.curTarget?.href)
        out.push({ value: r.curTarget.value, href: r.curTarget.href, where: `bar ${name} ${r.label}` });
      if (r.prevTarget?.href)
        out.push({ value: r.prevTarget.value, href: r.prevTarget.href, where: `bar ${name} ${r.label} prev` });
    }
  }
  // The tables are rendered as the page renders them and their <a> elements read back.
  const tables: [string, FunctionComponent<{ d: DashboardData }>][] = [
    ["volume", VolumeTable],
    ["satisfaction", SatisfactionTable],
    ["dim", DimTable],
    ["compliance", ComplianceTable],
    ["overdue", OverdueList],
    ["calls", CallsTable],
  ];
  for (const [name, C] of tables) {
    const html = renderToStaticMarkup(createElement(C, { d }));
    for (const m of html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)) {
      out.push({ value: Number(m[2].replace(/\s/g, "")), href: m[1].replace(/&amp;/g, "&"), where: `table ${name}` });
    }
  }
  const kpiHtml = renderToStaticMarkup(createElement(KpiGrid, { cards: kpiCards(d) }));
  expect(kpiHtml).toContain("Сообщений за период");
  return out;
}

async function expectLinksMatchQueue(d: DashboardData, now: Date) {
  const u = await userOf("mcu_curator");
  const links = allLinks(d);
  expect(links.length).toBeGreaterThan(10);
  // Every kind of place a number is shown contributes links (the regex really reads the tables).
  for (const w of [
    "kpi ",
    "bar ",
    "table volume",
    "table dim",
    "table compliance",
    "table calls",
    "table satisfaction",
  ]) {
    expect(
      links.some((l) => l.where.startsWith(w)),
      w,
    ).toBe(true);
  }
  const seen = new Map<string, number>();
  for (const l of links) {
    expect(l.href.startsWith("/queue?")).toBe(true);
    const prior = seen.get(l.href);
    if (prior !== undefined) {
      expect(l.value, `${l.where} ${l.href}`).toBe(prior);
      continue;
    }
    const params = Object.fromEntries(new URLSearchParams(l.href.slice("/queue?".length)));
    const r = await listQueue(u, params, now);
    expect(r.count, `${l.where} ${l.href}`).toBe(Math.min(l.value, COUNT_CAP));
    seen.set(l.href, l.value);
  }
  return seen.size;
}

// A crafted week, far from the demo data (which lies within the last five weeks), with hand-known figures.
const CUR = { from: "2024-03-04", to: "2024-03-10" };
const PREV = { from: "2024-02-26", to: "2024-03-03" };
const at = (d: string, h: number) => new Date(startOf(d).getTime() + h * 3_600_000);

async function craft(o: {
  day: string;
  channel: "pos" | "incident" | "smls" | "sakhalin";
  block: string;
  status: "in_work" | "awaiting_contact" | "answered" | "closed";
  answeredAfterH?: number;
  dueAfterH: number;
  rating?: number;
  satisfied?: boolean;
  reopen?: number;
  call?: boolean;
}) {
  const registeredAt = at(o.day, 2);
  const m = await makeMessage({ channel: o.channel, block: o.block, status: o.status, registeredAt });
  await db().message.update({
    where: { id: m.id },
    data: {
      dueAt: new Date(registeredAt.getTime() + o.dueAfterH * 3_600_000),
      answeredAt:
        o.answeredAfterH === undefined ? null : new Date(registeredAt.getTime() + o.answeredAfterH * 3_600_000),
      lastRating: o.rating ?? null,
      ratingSatisfied: o.satisfied ?? null,
      reopenCount: o.reopen ?? 0,
    },
  });
  if (o.call) {
    const curator = await userOf("curator_city");
    await db().contactAttempt.create({
      data: { messageId: m.id, curatorId: curator.id, outcome: "reached", createdAt: at(o.day, 30) },
    });
  }
  return m.id;
}

let craftedIds: number[] = [];
beforeAll(async () => {
  await ensureSeeded();
  craftedIds = [
    await craft({
      day: "2024-03-04",
      channel: "pos",
      block: "zhkh",
      status: "closed",
      answeredAfterH: 24,
      dueAfterH: 240,
      rating: 5,
      satisfied: true,
      call: true,
    }),
    await craft({
      day: "2024-03-05",
      channel: "pos",
      block: "zhkh",
      status: "closed",
      answeredAfterH: 400,
      dueAfterH: 240,
      rating: 2,
      satisfied: false,
      reopen: 1,
    }),
    await craft({
      day: "2024-03-05",
      channel: "incident",
      block: "edu",
      status: "answered",
      answeredAfterH: 48,
      dueAfterH: 240,
    }),
    await craft({ day: "2024-03-07", channel: "smls", block: "edu", status: "in_work", dueAfterH: 240 }),
    await craft({
      day: "2024-03-10",
      channel: "sakhalin",
      block: "sez",
      status: "closed",
      answeredAfterH: 72,
      dueAfterH: 240,
      rating: 4,
      satisfied: true,
    }),
    await craft({ day: "2024-03-10", channel: "pos", block: "sez", status: "awaiting_contact", dueAfterH: 240 }),
    await craft({
      day: "2024-02-27",
      channel: "pos",
      block: "zhkh",
      status: "closed",
      answeredAfterH: 10,
      dueAfterH: 240,
      rating: 5,
      satisfied: true,
      call: true,
    }),
    await craft({ day: "2024-03-03", channel: "incident", block: "edu", status: "in_work", dueAfterH: 240 }),
  ];
});

describe("dashboard figures", () => {
  it("a crafted week: hand-known figures, the previous week, and SQL agree", async () => {
    const now = new Date();
    const d = await fresh({ period: "custom", from: CUR.from, to: CUR.to, gran: "day", dim: "channel" }, now);
    expect(d.period).toMatchObject({
      from: CUR.from,
      to: CUR.to,
      prevFrom: PREV.from,
      prevTo: PREV.to,
      days: 7,
      gran: "day",
      dim: "channel",
    });
    expect(d.totals.cur).toEqual({
      messages: 6,
      rated: 3,
      satisfied: 2,
      ratingSum: 11,
      ratingCount: 3,
      answered: 4,
      onTimeBase: 4,
      onTime: 3,
      reopened: 1,
      callNeeded: 3,
      called: 1,
    });
    expect(d.totals.prev).toMatchObject({
      messages: 2,
      rated: 1,
      satisfied: 1,
      onTime: 1,
      onTimeBase: 1,
      callNeeded: 1,
      called: 1,
    });
    expect(d.totals.cur).toEqual(await sqlFigures(CUR.from, CUR.to));
    expect(d.totals.prev).toEqual(await sqlFigures(PREV.from, PREV.to));
    expect(d.median.cur).toBeCloseTo(60, 9); // 24, 48, 72, 400 h
    expect(d.median.prev).toBeCloseTo(10, 9);
    expect(d.median.cur).toBeCloseTo((await sqlMedian(CUR.from, CUR.to))!, 9);
    const cards = Object.fromEntries(kpiCards(d).map((k) => [k.key, k]));
    expect(cards.messages.value).toBe("6");
    expect(cards.satisfaction.value).toBe("66,7 %");
    expect(cards.satisfaction.prevValue).toBe("100,0 %");
    expect(cards.satisfaction.delta).toBe("−33,3 п. п.");
    expect(cards.rating.value).toBe("3,67");
    expect(cards.ontime.value).toBe("75,0 %");
    expect(cards.reopened.value).toBe("16,7 %");
    expect(cards.median.value).toBe("2,5 дн.");
    expect(cards.calls.value).toBe("33,3 %");
    // Per channel and per day.
    const pos = d.byDim.find((r) => r.item.code === "pos")!;
    expect(pos.cur).toEqual(await sqlFigures(CUR.from, CUR.to, "channel = 'pos'"));
    expect(pos.prev).toEqual(await sqlFigures(PREV.from, PREV.to, "channel = 'pos'"));
    expect(d.buckets.map((b) => b.from)).toEqual([
      "2024-03-04",
      "2024-03-05",
      "2024-03-06",
      "2024-03-07",
      "2024-03-08",
      "2024-03-09",
      "2024-03-10",
    ]);
    const day5 = d.cells.filter((c) => c.b === 1).reduce((s, c) => s + c.messages, 0);
    expect(day5).toBe(2);
    // Deadline compliance by block.
    const zhkh = d.byBlock.find((r) => r.item.code === "zhkh")!;
    expect([zhkh.cur.onTime, zhkh.cur.onTimeBase]).toEqual([1, 2]);
    await expectLinksMatchQueue(d, now);
  });

  it("the default 30 days over the seeded data equal SQL; week buckets clip to the period", async () => {
    const now = new Date();
    const d = await fresh({ gran: "week", dim: "topic" }, now);
    const p = resolveDashboardPeriod({}, now);
    expect(d.period.from).toBe(p.from);
    expect(d.totals.cur.messages).toBeGreaterThan(50);
    expect(d.totals.cur).toEqual(await sqlFigures(d.period.from, d.period.to));
    expect(d.totals.prev).toEqual(await sqlFigures(d.period.prevFrom, d.period.prevTo));
    expect(d.median.cur).toBeCloseTo((await sqlMedian(d.period.from, d.period.to))!, 9);
    expect(d.median.prev).toBeCloseTo((await sqlMedian(d.period.prevFrom, d.period.prevTo))!, 9);
    // The median from the histogram equals percentile_cont for odd and even counts alike.
    for (let k = 0; k < 6; k++) {
      const to = d.buckets[Math.min(k, d.buckets.length - 1)].to;
      const mine = (
        await loadDashboard(await userOf("mcu_curator"), { period: "custom", from: d.period.from, to }, now)
      ).median.cur;
      const want = await sqlMedian(d.period.from, to);
      if (want === null) expect(mine).toBeNull();
      else expect(mine, to).toBeCloseTo(want, 9);
    }
    const overdue = await pgPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE status::text IN ('new','routed','in_work','answer_review','awaiting_contact','reopened','returned','extension_requested') AND due_at < $1`,
      [now],
    );
    expect(d.overdue.total).toBe(overdue.rows[0].n);
    // Each topic, current and previous period.
    for (const r of d.byDim) {
      if (!r.item.code) continue;
      const where = "topic_id = (SELECT id FROM topics WHERE code = $3)";
      expect(r.cur, r.item.code).toEqual(await sqlFigures(d.period.from, d.period.to, where, [r.item.code]));
      expect(r.prev, r.item.code).toEqual(await sqlFigures(d.period.prevFrom, d.period.prevTo, where, [r.item.code]));
    }
    // Buckets: Monday weeks, the first and last clipped to the period, no gaps or overlaps.
    expect(d.buckets[0].from).toBe(d.period.from);
    expect(d.buckets.at(-1)!.to).toBe(d.period.to);
    for (let i = 1; i < d.buckets.length; i++) expect(new Date(`${d.buckets[i].from}T00:00:00Z`).getUTCDay()).toBe(1);
    // The series sums to the period total.
    expect(d.cells.reduce((s, c) => s + c.messages, 0)).toBe(d.totals.cur.messages);
    for (const [bi, b] of d.buckets.entries()) {
      const n = d.cells.filter((c) => c.b === bi).reduce((s, c) => s + c.messages, 0);
      expect(n, b.key).toBe((await sqlFigures(b.from, b.to)).messages);
    }
    // Curators' calls per curated blocks.
    const city = await userOf("curator_city");
    const c = d.curators.find((x) => x.id === city.id)!;
    const cs = await sqlFigures(
      d.period.from,
      d.period.to,
      "block_id IN (SELECT block_id FROM block_curators WHERE user_id = $3)",
      [city.id],
    );
    expect(c.cur).toEqual({ callNeeded: cs.callNeeded, called: cs.called });
    const n = await expectLinksMatchQueue(d, now);
    expect(n).toBeGreaterThan(40);
  });

  it("month buckets and presets resolve in Sakhalin days", () => {
    const now = new Date("2026-11-27T14:30:00Z"); // 28 Nov 01:30 in Sakhalin
    expect(resolveDashboardPeriod({ period: "7d" }, now)).toMatchObject({
      from: "2026-11-22",
      to: "2026-11-28",
      prevFrom: "2026-11-15",
      prevTo: "2026-11-21",
      gran: "day",
    });
    expect(resolveDashboardPeriod({ period: "quarter" }, now)).toMatchObject({
      from: "2026-08-31",
      to: "2026-11-28",
      days: 90,
      gran: "week",
    });
    expect(resolveDashboardPeriod({ period: "custom", from: "2026-12-01", to: "2026-11-01" }, now).preset).toBe("30d");
    expect(bucketsOf("2026-01-15", "2026-03-10", "month").map((b) => [b.from, b.to])).toEqual([
      ["2026-01-15", "2026-01-31"],
      ["2026-02-01", "2026-02-28"],
      ["2026-03-01", "2026-03-10"],
    ]);
  });

  it("the empty period has zero figures and no series", async () => {
    const d = await fresh({ period: "custom", from: "2020-01-01", to: "2020-01-31" });
    expect(d.totals.cur.messages).toBe(0);
    expect(d.cells).toEqual([]);
    expect(kpiCards(d).find((k) => k.key === "satisfaction")!.value).toBe("—");
  });

  it("the МЦУ curator, the МЦУ head and the coordinator may read it; block roles may not", async () => {
    expect((await loadDashboard(await userOf("coordinator"), {})).period.days).toBe(30);
    await expectAppError(loadDashboard(await userOf("curator_city"), {}), "forbidden");
    await expectAppError(loadDashboard(await userOf("head_zhkh"), {}), "forbidden");
    const d = await loadDashboard(await userOf("mcu_head"), {});
    expect(d.period.days).toBe(30);
  });
});

describe("dashboard rollup", () => {
  const ROLLUP_VS_LIVE = `
    WITH live AS (
      SELECT (registered_at AT TIME ZONE 'Asia/Sakhalin')::date AS day, channel, coalesce(topic_id, 0) AS topic_id, coalesce(block_id, 0) AS block_id, ${FIGURES_SQL}
      FROM messages m GROUP BY 1, 2, 3, 4
    ), roll AS (
      SELECT day, channel, topic_id, block_id, messages, rated, satisfied, rating_sum AS "ratingSum", rating_count AS "ratingCount", answered,
             on_time_base AS "onTimeBase", on_time AS "onTime", reopened, call_needed AS "callNeeded", called
      FROM dashboard_daily
    ), live_t AS (
      SELECT id AS message_id, (registered_at AT TIME ZONE 'Asia/Sakhalin')::date AS day, (extract(epoch FROM answered_at - registered_at) / 3600.0)::float8 AS hours
      FROM messages WHERE answered_at IS NOT NULL
    ), live_h AS (
      SELECT day, floor(hours)::int AS hour, count(*)::int AS answered FROM live_t GROUP BY 1, 2
    )
    SELECT (SELECT count(*) FROM ((SELECT * FROM live EXCEPT ALL SELECT * FROM roll) UNION ALL (SELECT * FROM roll EXCEPT ALL SELECT * FROM live)) x)::int
         + (SELECT count(*) FROM ((SELECT * FROM live_t EXCEPT ALL SELECT message_id, day, hours FROM dashboard_answer_times)
                                  UNION ALL (SELECT message_id, day, hours FROM dashboard_answer_times EXCEPT ALL SELECT * FROM live_t)) y)::int
         + (SELECT count(*) FROM ((SELECT * FROM live_h EXCEPT ALL SELECT day, hour, answered FROM dashboard_answer_hours)
                                  UNION ALL (SELECT day, hour, answered FROM dashboard_answer_hours EXCEPT ALL SELECT * FROM live_h)) z)::int AS n`;

  it("after a full refresh equals a live aggregate row for row", async () => {
    const r = await refreshDashboardRollup({ full: true });
    expect(r).toMatchObject({ ran: true, full: true });
    expect((await pgPool().query<{ n: number }>(ROLLUP_VS_LIVE)).rows[0].n).toBe(0);
    const total = await pgPool().query<{ a: number; b: number }>(
      `SELECT (SELECT sum(messages)::int FROM dashboard_daily) AS a, (SELECT count(*)::int FROM messages) AS b`,
    );
    expect(total.rows[0].a).toBe(total.rows[0].b);
  });

  it("an incremental refresh picks up changed messages, moved topics and logged calls", async () => {
    await refreshDashboardRollup();
    const [a, , , d4, , f] = craftedIds;
    const edu = await db().topic.findFirstOrThrow({ where: { code: "education" }, select: { id: true } });
    await db().message.update({
      where: { id: d4 },
      data: { topicId: edu.id, answeredAt: at("2024-03-08", 1), ratingSatisfied: false, lastRating: 1 },
    });
    await db().message.update({ where: { id: a }, data: { reopenCount: 2 } });
    // A call logged without touching the message row (as logContact does).
    const curator = await userOf("curator_city");
    await db().contactAttempt.create({ data: { messageId: f, curatorId: curator.id, outcome: "reached" } });
    await makeMessage({ channel: "smls", block: "culture", registeredAt: at("2024-03-09", 5) });
    expect((await pgPool().query<{ n: number }>(ROLLUP_VS_LIVE)).rows[0].n).toBeGreaterThan(0);
    // The worker's periodic job brings it up to date, recomputing only the touched days.
    const job = PERIODIC_JOBS.find((j) => j.name === "dashboard-rollup")!;
    expect(job.everySeconds).toBe(60);
    const before = await pgPool().query<{ value: { watermark: string; fullAt: string } }>(
      `SELECT value FROM settings WHERE key = 'dashboard_rollup'`,
    );
    await job.run();
    const after = await pgPool().query<{ value: { watermark: string; fullAt: string } }>(
      `SELECT value FROM settings WHERE key = 'dashboard_rollup'`,
    );
    expect(after.rows[0].value.fullAt).toBe(before.rows[0].value.fullAt);
    expect(after.rows[0].value.watermark > before.rows[0].value.watermark).toBe(true);
    expect((await pgPool().query<{ n: number }>(ROLLUP_VS_LIVE)).rows[0].n).toBe(0);
    const again = await refreshDashboardRollup();
    expect(again).toMatchObject({ ran: true, full: false });
    const d = await fresh({ period: "custom", from: CUR.from, to: CUR.to });
    expect(d.totals.cur).toEqual(await sqlFigures(CUR.from, CUR.to));
    expect(d.totals.cur).toMatchObject({ messages: 7, called: 2, rated: 4 });
  });
});
