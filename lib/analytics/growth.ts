// «Причины роста»: for each topic × locality, this week's count against the baseline weeks
// (lib/analytics/growth-window.ts), the exact conditional binomial test with Benjamini–Hochberg
// control of the false discovery rate (lib/analytics/growth-stats.ts), and for each reported growth
// its distinctive words, sample messages, the queue link that lists exactly its messages and the
// problems its messages already belong to.
//
// Counted: every message registered in the window that has a topic and a locality (the queue can
// filter by both; unclassified messages and messages without a place are not cells), whatever its
// status, so the queue link lists the same messages the count is made of.
//
// Cost at scale. The counts are one grouped scan of the registered_at range per window. The 8
// baseline weeks (≈ 90 % of the rows read) only change when an old message is reclassified —
// registered_at is the time of ingestion, so nothing arrives «late» into them — and are cached for
// an hour per window, together with each topic's baseline vocabulary; this week is re-read with
// the words and samples of the shown growths (read through the (topic_id, registered_at) index)
// at most once a minute; problem memberships are read on every request. Measured with
// lib/analytics/growth-bench.ts on 1,000,000 messages (two years, ~160,000 in the nine weeks).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import type { ChannelCodeT } from "@/lib/messages/labels";
import { serializeQueueParams } from "@/lib/queue/params";
import { assertCan } from "@/lib/auth/guards";
import { benjaminiHochberg, growthTest, isReportedGrowth, MIN_CURRENT } from "./growth-stats";
import { localDateOf } from "@/lib/deadlines/time";
import { growthWindow, MIN_BASELINE_WEEKS, type GrowthWeek } from "./growth-window";
import { distinctiveWords, docFrequencies, placeStems, type DistinctiveWord } from "./growth-words";
import { maskPersonalData, stripPersonalData } from "@/lib/privacy/mask";
import { seesPersonalData } from "@/lib/privacy/viewer";

const sql = Prisma.sql;

/** Words are computed from at most this many (the most recent) of the week's messages of a cell … */
const CELL_TEXTS_LIMIT = 200;
/** … against at most this many (the most recent) baseline messages of the topic. */
const BASELINE_TEXTS_LIMIT = 1500;
/** Text read per message for words: the topic is set in the first paragraphs. */
const TEXT_CHARS = 1000;
const SAMPLES = 3;
/** A report is reused for this long (the dashboard embeds the panel); writes clear it. */
const CACHE_MS = 60_000;
/** An older report (of the same day) is still served while a fresh one is computed behind it, so
 * only the first request after start or after midnight waits for the computation. */
const STALE_MS = 10 * 60_000;
/** The baseline weeks' counts and the topics' baseline vocabularies change only when an old
 * message is reclassified or arrives late, so they are kept this long (and the window moves daily). */
const BASELINE_CACHE_MS = 60 * 60_000;

export type GrowthSample = {
  id: number;
  channel: ChannelCodeT;
  title: string | null;
  preview: string;
  registeredAt: string;
};

export type Growth = {
  topicId: number;
  topicCode: string;
  topicName: string;
  locality: string;
  observed: number;
  /** The baseline weeks' mean. */
  expected: number;
  /** observed / expected; null when the baseline is empty (a new kind of complaint). */
  ratio: number | null;
  pValue: number;
  qValue: number;
  /** Counts of the baseline weeks (oldest first) and then this week. */
  weekly: number[];
  words: DistinctiveWord[];
  samples: GrowthSample[];
  /** /queue?topic=…&locality=…&from=…&to=… — exactly this week's messages of the cell. */
  queueHref: string;
  /** Problems (active memberships) that already hold some of this week's messages of the cell. */
  problems: { id: number; title: string; messages: number }[];
};

export type GrowthReport = {
  current: { from: string; to: string };
  baseline: { from: string; to: string }[];
  /** Fewer than MIN_BASELINE_WEEKS weeks of history: nothing is tested. */
  insufficientHistory: boolean;
  /** Cells tested (those with at least MIN_CURRENT messages over all the weeks; see below). */
  testedCells: number;
  /** Reported growths, most significant first. */
  growths: Growth[];
  /** All reported growths, of which `growths` holds the first `limit` with details. */
  totalGrowths: number;
  computedAt: string;
};

type Cell = { topicId: number; locality: string; weekly: number[] };

const cellKey = (topicId: number, locality: string) => `${topicId}\u0000${locality}`;

/** Grouped counts per topic × locality × week over [weeks[0].start, last.end): one scan of the
 * registered_at range (no JIT: compiling the expressions costs more than this query runs). */
async function weekCounts(
  weeks: GrowthWeek[],
): Promise<Map<string, { topicId: number; locality: string; weekly: number[] }>> {
  const start = weeks[0].start;
  const end = weeks[weeks.length - 1].end;
  const [, rows] = await db().$transaction([
    db().$executeRaw`SET LOCAL jit = off`,
    db().$queryRaw<{ topic_id: number; locality: string; wk: number; n: number }[]>(sql`
      SELECT m.topic_id, m.locality,
             floor(extract(epoch FROM (m.registered_at - ${start}::timestamptz)) / 604800)::int AS wk,
             count(*)::int AS n
      FROM messages m
      WHERE m.registered_at >= ${start}::timestamptz AND m.registered_at < ${end}::timestamptz
        AND m.topic_id IS NOT NULL AND m.locality IS NOT NULL
      GROUP BY 1, 2, 3`),
  ]);
  const cells = new Map<string, { topicId: number; locality: string; weekly: number[] }>();
  for (const r of rows) {
    const key = cellKey(r.topic_id, r.locality);
    let c = cells.get(key);
    if (!c)
      cells.set(
        key,
        (c = { topicId: r.topic_id, locality: r.locality, weekly: new Array<number>(weeks.length).fill(0) }),
      );
    if (r.wk >= 0 && r.wk < weeks.length) c.weekly[r.wk] += r.n;
  }
  return cells;
}

/** What stays valid for a baseline window: its weekly counts and each topic's vocabulary. */
type BaselineState = {
  at: number;
  counts: Promise<Map<string, { topicId: number; locality: string; weekly: number[] }>>;
  topicDf: Map<number, Promise<Map<string, number>>>;
};
const baselineCache = new Map<string, BaselineState>();

function baselineState(weeks: GrowthWeek[], now: number, fresh: boolean): BaselineState {
  const key = `${weeks[0].from}|${weeks[weeks.length - 1].to}`;
  const hit = baselineCache.get(key);
  if (!fresh && hit && now - hit.at >= 0 && now - hit.at < BASELINE_CACHE_MS) return hit;
  baselineCache.clear();
  const state: BaselineState = { at: now, counts: weekCounts(weeks), topicDf: new Map() };
  state.counts.catch(() => baselineCache.delete(key));
  baselineCache.set(key, state);
  return state;
}

function topicDf(state: BaselineState, topicId: number, weeks: GrowthWeek[]): Promise<Map<string, number>> {
  let df = state.topicDf.get(topicId);
  if (!df) {
    df = topicBaselineTexts(topicId, weeks[0].start, weeks[weeks.length - 1].end).then((texts) =>
      docFrequencies(texts),
    );
    df.catch(() => state.topicDf.delete(topicId));
    state.topicDf.set(topicId, df);
  }
  return df;
}

/** This week's counts joined to the (cached) baseline weeks' counts. */
async function cellCounts(baselineWeeks: GrowthWeek[], current: GrowthWeek, state: BaselineState): Promise<Cell[]> {
  const [base, cur] = await Promise.all([state.counts, weekCounts([current])]);
  const k = baselineWeeks.length;
  const cells = new Map<string, Cell>();
  for (const [key, c] of base) cells.set(key, { topicId: c.topicId, locality: c.locality, weekly: [...c.weekly, 0] });
  for (const [key, c] of cur) {
    const cell = cells.get(key) ?? {
      topicId: c.topicId,
      locality: c.locality,
      weekly: new Array<number>(k + 1).fill(0),
    };
    cell.weekly[k] = c.weekly[0];
    cells.set(key, cell);
  }
  return [...cells.values()];
}

type Tested = Cell & {
  observed: number;
  baseline: number;
  expected: number;
  ratio: number;
  pValue: number;
  qValue: number;
};

/**
 * Tests every cell and keeps the reported growths. Cells with fewer than MIN_CURRENT messages over
 * all the weeks are left out of the correction: they could never be reported, and the selection
 * depends only on the cell's total, which the conditional test holds fixed, so it does not bias it.
 */
export function testCells(cells: Cell[], baselineWeeks: number): { tested: number; growths: Tested[] } {
  const candidates = cells
    .map((c) => {
      const observed = c.weekly[baselineWeeks];
      const baseline = c.weekly.slice(0, baselineWeeks).reduce((s, x) => s + x, 0);
      return { c, observed, baseline };
    })
    .filter((x) => x.observed + x.baseline >= MIN_CURRENT);
  const tests = candidates.map((x) => growthTest(x.observed, x.baseline, baselineWeeks));
  const q = benjaminiHochberg(tests.map((t) => t.pValue));
  const growths: Tested[] = [];
  tests.forEach((t, i) => {
    if (!isReportedGrowth(t, q[i])) return;
    growths.push({
      ...candidates[i].c,
      observed: t.observed,
      baseline: candidates[i].baseline,
      expected: t.expected,
      ratio: t.ratio,
      pValue: t.pValue,
      qValue: q[i],
    });
  });
  growths.sort((a, b) => a.pValue - b.pValue || b.observed - a.observed || a.locality.localeCompare(b.locality, "ru"));
  return { tested: candidates.length, growths };
}

type CellMessage = { id: number; channel: ChannelCodeT; title: string | null; text: string; registered_at: Date };

async function cellMessages(topicId: number, locality: string, w: GrowthWeek): Promise<CellMessage[]> {
  return db().$queryRaw<CellMessage[]>(sql`
    SELECT m.id, m.channel::text AS channel, m.title, left(m.text_clean, ${TEXT_CHARS}) AS text, m.registered_at
    FROM messages m
    WHERE m.topic_id = ${topicId} AND m.locality = ${locality}
      AND m.registered_at >= ${w.start}::timestamptz AND m.registered_at < ${w.end}::timestamptz
    ORDER BY m.registered_at DESC, m.id DESC
    LIMIT ${CELL_TEXTS_LIMIT}`);
}

async function topicBaselineTexts(topicId: number, start: Date, end: Date): Promise<string[]> {
  const rows = await db().$queryRaw<{ text: string }[]>(sql`
    SELECT coalesce(m.title, '') || ' ' || left(m.text_clean, ${TEXT_CHARS}) AS text
    FROM messages m
    WHERE m.topic_id = ${topicId} AND m.registered_at >= ${start}::timestamptz AND m.registered_at < ${end}::timestamptz
    ORDER BY m.registered_at DESC
    LIMIT ${BASELINE_TEXTS_LIMIT}`);
  return rows.map((r) => stripPersonalData(r.text));
}

async function problemsOf(messageIds: number[]): Promise<Map<number, { id: number; title: string }>> {
  if (!messageIds.length) return new Map();
  const rows = await db().$queryRaw<{ message_id: number; id: number; title: string }[]>(sql`
    SELECT pm.message_id, p.id, p.title
    FROM problem_messages pm JOIN problems p ON p.id = pm.problem_id
    WHERE pm.detached_at IS NULL AND pm.message_id = ANY(${messageIds}::int[])`);
  return new Map(rows.map((r) => [r.message_id, { id: r.id, title: r.title }]));
}

function preview(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 180 ? `${t.slice(0, 177)}…` : t;
}

type CoreSample = GrowthSample & { masked: { title: string | null; preview: string } };
type Core = Omit<GrowthReport, "growths"> & {
  growths: (Omit<Growth, "problems" | "samples"> & { samples: CoreSample[]; messageIds: number[] })[];
};

async function computeCore(now: Date, limit: number, fresh: boolean): Promise<Core> {
  const [{ first }] = await db().$queryRaw<{ first: Date | null }[]>(
    sql`SELECT min(registered_at) AS first FROM messages`,
  );
  const window = growthWindow(now, first);
  const base = {
    current: { from: window.current.from, to: window.current.to },
    baseline: window.baseline.map((w) => ({ from: w.from, to: w.to })),
    computedAt: now.toISOString(),
  };
  if (window.baseline.length < MIN_BASELINE_WEEKS) {
    return { ...base, insufficientHistory: true, testedCells: 0, growths: [], totalGrowths: 0 };
  }
  const state = baselineState(window.baseline, now.getTime(), fresh);
  const { tested, growths } = testCells(
    await cellCounts(window.baseline, window.current, state),
    window.baseline.length,
  );
  const shown = growths.slice(0, limit);
  const topics = new Map(
    (
      await db().topic.findMany({
        where: { id: { in: [...new Set(shown.map((g) => g.topicId))] } },
        select: { id: true, code: true, name: true },
      })
    ).map((t) => [t.id, t]),
  );
  const detailed = await Promise.all(
    shown.map(async (g) => {
      const [msgs, reference] = await Promise.all([
        cellMessages(g.topicId, g.locality, window.current),
        topicDf(state, g.topicId, window.baseline),
      ]);
      const topic = topics.get(g.topicId)!;
      const words = distinctiveWords(
        msgs.map((m) => stripPersonalData(`${m.title ?? ""} ${m.text}`)),
        reference,
        { exclude: placeStems(g.locality) },
      );
      return {
        topicId: g.topicId,
        topicCode: topic.code,
        topicName: topic.name,
        locality: g.locality,
        observed: g.observed,
        expected: g.expected,
        ratio: Number.isFinite(g.ratio) ? g.ratio : null,
        pValue: g.pValue,
        qValue: g.qValue,
        weekly: g.weekly,
        words,
        samples: msgs.slice(0, SAMPLES).map((m) => ({
          id: m.id,
          channel: m.channel,
          title: m.title,
          preview: preview(m.text),
          registeredAt: m.registered_at.toISOString(),
          // The report is computed once for every viewer; the masked form is kept beside it.
          masked: { title: maskPersonalData(m.title), preview: preview(maskPersonalData(m.text)) },
        })),
        queueHref: `/queue?${serializeQueueParams({ topic: topic.code, locality: g.locality, from: window.current.from, to: window.current.to })}`,
        messageIds: msgs.map((m) => m.id),
      };
    }),
  );
  return { ...base, insufficientHistory: false, testedCells: tested, growths: detailed, totalGrowths: growths.length };
}

type CacheEntry = { at: number; today: string; core: Promise<Core>; settled: boolean; refreshing: boolean };
let cache: CacheEntry | null = null;

/** Forgets cached reports (after a write that changes what the page shows); `keepBaseline`
 * keeps the baseline weeks' counts and vocabularies (what a report a minute later reuses). */
export function clearGrowthCache(opts: { keepBaseline?: boolean } = {}): void {
  cache = null;
  if (!opts.keepBaseline) baselineCache.clear();
}

function startCompute(now: Date, fresh: boolean): CacheEntry {
  const entry: CacheEntry = {
    at: now.getTime(),
    today: localDateOf(now),
    core: computeCore(now, DETAILED, fresh),
    settled: false,
    refreshing: false,
  };
  entry.core.then(
    () => {
      entry.settled = true;
    },
    () => {
      if (cache === entry) cache = null;
    },
  );
  return entry;
}

/** Growths detailed per computation: the page shows them all, the panel the first few. */
const DETAILED = 20;

async function cachedCore(now: Date, fresh: boolean): Promise<Core> {
  const hit = cache;
  const age = hit ? now.getTime() - hit.at : -1;
  if (!fresh && hit && age >= 0 && hit.today === localDateOf(now)) {
    if (age < CACHE_MS || !hit.settled) return hit.core;
    if (age < STALE_MS) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const next = startCompute(now, false);
        next.core.then(
          () => {
            if (cache === hit) cache = next;
          },
          (e) => {
            hit.refreshing = false;
            console.error("growth report refresh failed", e);
          },
        );
      }
      return hit.core;
    }
  }
  const entry = startCompute(now, fresh);
  // A report for an explicit `now` (tests, the benchmark) is not kept for the live page.
  if (!fresh) cache = entry;
  return entry.core;
}

/**
 * The growth report: the first `limit` growths (at most 20) with words, samples and problems.
 * `fresh` bypasses the caches (a report is reused for a minute and served for ten more while a
 * new one is computed; the baseline weeks are kept for an hour).
 */
export async function growthReport(
  user: CurrentUser,
  opts: { now?: Date; limit?: number; fresh?: boolean } = {},
): Promise<GrowthReport> {
  assertCan(user, "growth.read");
  const now = opts.now ?? new Date();
  const limit = Math.max(1, Math.min(DETAILED, Math.trunc(opts.limit ?? DETAILED)));
  const core = await cachedCore(now, opts.fresh ?? Boolean(opts.now));
  const shown = core.growths.slice(0, limit);
  // Memberships change with every problem created or detached: always read them fresh.
  const membership = await problemsOf(shown.flatMap((g) => g.messageIds));
  const growths = shown.map(({ messageIds, ...g }) => {
    const byProblem = new Map<number, { id: number; title: string; messages: number }>();
    for (const id of messageIds) {
      const p = membership.get(id);
      if (!p) continue;
      const e = byProblem.get(p.id) ?? { ...p, messages: 0 };
      e.messages++;
      byProblem.set(p.id, e);
    }
    const samples = g.samples.map(({ masked, ...m }) => (seesPersonalData(user) ? m : { ...m, ...masked }));
    return { ...g, samples, problems: [...byProblem.values()].sort((a, b) => b.messages - a.messages) };
  });
  return { ...core, growths };
}
