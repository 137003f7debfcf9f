// npm run bench:dashboard [-- --n 1000000 --runs 30 --keep]
// Fills a scratch database with N messages (lib/bench/dashboard-fill.ts), builds the dashboard
// rollup, then times every dashboard query through the data-layer functions the page uses, for
// the 7-day, 30-day and 90-day periods, the whole page's data (loadDashboard), the rollup's
// incremental refresh (the worker's job, not counted in the bar), and a 2-dimension report
// (topic × month, count + on-time %) through runReport. Prints p50/p95.
// Last line: RESULT dashboard_p95_ms=<n> (the worst p95 among the dashboard's queries, loadDashboard
// and the report).
import { parseArgs } from "node:util";
import type { CurrentUser } from "@/lib/auth/session";
import { processEnv } from "@/lib/env";
import { timeCalls } from "@/lib/bench/common";

const { values } = parseArgs({
  options: { n: { type: "string" }, runs: { type: "string" }, keep: { type: "boolean" } },
});
const N = Number(values.n ?? 1_000_000);
const RUNS = Math.max(20, Number(values.runs ?? 30));
const BAR_MS = 200;

const time = (label: string, fn: (i: number) => Promise<unknown>) => timeCalls(label, RUNS, fn, 52);

async function main() {
  const { createScratchDb } = await import("@/lib/db/scratch-db");
  const scratch = await createScratchDb("benchd");
  processEnv().DATABASE_URL = scratch.url; // before anything reads env() (it caches)
  const { db, disconnectDb } = await import("@/lib/db");
  const { seedReference, seedDemoUsers } = await import("@/lib/seed/seed");
  const { fillDashboardMessages } = await import("@/lib/bench/dashboard-fill");
  const { refreshDashboardRollup } = await import("@/lib/analytics/dashboard-rollup");
  const q = await import("@/lib/analytics/dashboard-queries");
  const { loadDashboard } = await import("@/lib/analytics/dashboard");
  const { resolveDashboardPeriod } = await import("@/lib/analytics/dashboard-period");
  console.log(`database: ${scratch.kind}; messages: ${N}; runs: ${RUNS}`);
  try {
    await seedReference(db());
    await seedDemoUsers(db());
    await fillDashboardMessages(scratch.url, N);
    const t0 = performance.now();
    const full = await refreshDashboardRollup({ full: true });
    const rows = (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM dashboard_daily`)[0].n;
    console.log(
      `rollup full rebuild: ${((performance.now() - t0) / 1000).toFixed(1)} s (${full.days} days, ${rows} rows)`,
    );
    await db().$executeRaw`VACUUM ANALYZE dashboard_daily`;

    const cu = await db().user.findUniqueOrThrow({
      where: { login: "mcu_curator" },
      select: { id: true, fullName: true, login: true },
    });
    // The signed-in МЦУ curator as lib/auth/session's loadUser builds it.
    const user: CurrentUser = {
      id: cu.id,
      name: cu.fullName,
      login: cu.login,
      role: "mcu_curator",
      blockId: null,
      curatedBlockIds: [],
    };

    const worst: number[] = [];
    const keep = (r: { p95: number }) => {
      worst.push(r.p95);
      return r;
    };
    for (const preset of ["7d", "30d", "quarter"] as const) {
      const p = resolveDashboardPeriod({ period: preset });
      const tag = `[${preset}]`;
      keep(await time(`${tag} totals (rollup)`, () => q.rollupTotals(p)));
      keep(await time(`${tag} median time to answer (rollup histogram)`, () => q.medianAnswerHours(p)));
      for (const dim of ["topic", "channel", "block"] as const) {
        keep(await time(`${tag} series by day × ${dim} (rollup)`, () => q.rollupByDay(p.from, p.to, dim)));
        keep(await time(`${tag} breakdown by ${dim}, both periods (rollup)`, () => q.rollupByDim(p, dim)));
      }
      keep(await time(`${tag} curators' calls (rollup)`, () => q.callsByCurator(p)));
      keep(
        await time(`${tag} loadDashboard (whole page data)`, (i) =>
          loadDashboard(user, { period: preset, dim: ["topic", "channel", "block"][i % 3] }),
        ),
      );
    }
    keep(await time("overdue now by block (live)", () => q.overdueByBlock(new Date())));
    keep(await time("dimension labels", () => q.dimensionRefs()));

    // The worker's steady state: a minute's worth of changes (200 messages answered) per refresh.
    let k = 0;
    await time("rollup incremental refresh (200 changed msgs)", async () => {
      await db().$executeRaw`UPDATE messages SET answered_at = coalesce(answered_at, now()), updated_at = now()
        WHERE id IN (SELECT id FROM messages WHERE registered_at > now() - interval '20 days' ORDER BY id OFFSET ${(k++ % 50) * 200} LIMIT 200)`;
      await refreshDashboardRollup();
    });

    // A 2-dimension report through runReport (it reads the rollup), counted in the bar; and, for
    // information, one the rollup cannot answer (status × block with a median reads the messages).
    const { runReport } = await import("@/lib/analytics/report");
    const qp = resolveDashboardPeriod({ period: "quarter" });
    const config = {
      rows: ["topic"],
      columns: ["month"],
      measures: ["count", "on_time"],
      filters: { from: qp.from, to: qp.to },
    };
    const reportP95 = (await time("report topic × month, count + on-time % (90 d)", () => runReport(user, config))).p95;
    worst.push(reportP95);
    const live = {
      rows: ["block"],
      columns: ["status"],
      measures: ["count", "median_hours"],
      filters: { from: qp.from, to: qp.to },
    };
    await time("report block × status, median (live, 90 d; info)", () => runReport(user, live));

    // «Причины роста» panel: its report is reused for a minute; each minute this week is recomputed
    // against the cached baseline weeks (that refresh is counted in the bar). A cold start (nothing
    // cached, once after start or midnight) is printed for information.
    const { clearGrowthCache, growthReport } = await import("@/lib/analytics/growth");
    const coordinator: CurrentUser = { ...user, role: "coordinator" };
    await growthReport(coordinator, { limit: 5, fresh: true });
    worst.push(
      (
        await time("growth panel, minute refresh (baseline cached)", async () => {
          clearGrowthCache({ keepBaseline: true });
          await growthReport(coordinator, { limit: 5 });
        })
      ).p95,
    );
    worst.push(
      (await time("growth panel, within the minute (cached)", () => growthReport(coordinator, { limit: 5 }))).p95,
    );
    await time("growth panel, cold (info)", async () => {
      clearGrowthCache();
      await growthReport(coordinator, { limit: 5 });
    });

    const p95 = Math.max(...worst);
    console.log(
      `bar: dashboard p95 ${p95.toFixed(1)} ms (≤ ${BAR_MS}) ${p95 <= BAR_MS ? "met" : "NOT met"}` +
        `; of which the report ${reportP95.toFixed(1)} ms`,
    );
    await disconnectDb();
    console.log(`RESULT dashboard_p95_ms=${Math.round(p95)}`);
  } finally {
    if (!values.keep) await scratch.drop();
    else console.log(`kept database: ${scratch.url}`);
  }
  process.exit(0);
}

await main();
