// Times «Причины роста» against the database in DATABASE_URL (read-only) and prints the report:
//   npx tsx --conditions=react-server lib/analytics/growth-bench.ts [--runs 20] [--limit 20]
// e.g. on the 1M-message database that `npm run bench:queue -- --keep` leaves behind.
// Last line: RESULT growth_cold_p95_ms=… growth_refresh_p95_ms=… growth_cached_p95_ms=…
import { parseArgs } from "node:util";
import type { CurrentUser } from "@/lib/auth/session";

const { values } = parseArgs({ options: { runs: { type: "string" }, limit: { type: "string" } } });
const RUNS = Math.max(3, Number(values.runs ?? 20));
const LIMIT = Number(values.limit ?? 20);

const { db, disconnectDb } = await import("@/lib/db");
const { clearGrowthCache, growthReport } = await import("./growth");
const cu = await db().user.findUniqueOrThrow({
  where: { login: "coordinator" },
  select: { id: true, fullName: true, login: true },
});
const user: CurrentUser = {
  id: cu.id,
  name: cu.fullName,
  login: cu.login,
  role: "coordinator",
  blockId: null,
  curatedBlockIds: [],
};
const [{ n }] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`;

/** p50 / p95 of `runs` timed calls of fn. */
async function time(
  runs: number,
  before: () => void,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  return { p50: pct(50), p95: pct(95) };
}

const report = await growthReport(user, { limit: LIMIT, fresh: true });
// Cold: nothing cached (the first request after start, or after the hourly baseline expiry).
const cold = await time(
  Math.max(3, Math.floor(RUNS / 3)),
  () => clearGrowthCache(),
  () => growthReport(user, { limit: LIMIT }),
);
// Minute refresh: the baseline weeks' counts and vocabularies cached, this week recomputed.
const warm = await time(
  RUNS,
  () => clearGrowthCache({ keepBaseline: true }),
  () => growthReport(user, { limit: LIMIT }),
);
// Within the minute: the report cached, only the problem memberships re-read.
const cached = await time(
  RUNS,
  () => undefined,
  () => growthReport(user, { limit: LIMIT }),
);
console.log(
  `messages: ${n}; week ${report.current.from} … ${report.current.to}; baseline weeks: ${report.baseline.length}; cells tested: ${report.testedCells}; growths: ${report.totalGrowths}`,
);
for (const g of report.growths.slice(0, 10)) {
  console.log(
    `  ${g.topicName} · ${g.locality}: ${g.observed} vs ${g.expected.toFixed(1)} (×${g.ratio?.toFixed(1) ?? "∞"}), p=${g.pValue.toExponential(2)}, q=${g.qValue.toExponential(2)}; ` +
      `words: ${g.words.map((w) => w.word).join(", ") || "—"}; weekly ${g.weekly.join(" ")}`,
  );
}
const f = (r: { p50: number; p95: number }) => `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;
console.log(`cold (nothing cached): ${f(cold)}`);
console.log(`minute refresh (baseline cached, this week recomputed): ${f(warm)}`);
console.log(`cached report (memberships re-read): ${f(cached)}`);
console.log(
  `RESULT growth_cold_p95_ms=${Math.round(cold.p95)} growth_refresh_p95_ms=${Math.round(warm.p95)} growth_cached_p95_ms=${Math.round(cached.p95)}`,
);
await disconnectDb();
