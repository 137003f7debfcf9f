// What the benchmarks share: the synthetic message mix (channels, statuses by age), COPY text
// escaping, and p50/p95 timing of a data-layer call.

export const REGIME: Record<string, string> = {
  pos: "pos_message",
  incident: "social_incident",
  smls: "social_incident",
  sakhalin: "portal",
};

/** A picker of values by weight, from a uniform number in [0, 1). */
export function weighted<T extends string>(pairs: [T, number][]): (r: number) => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
}
export const channelOf = weighted<string>([
  ["pos", 40],
  ["incident", 30],
  ["smls", 15],
  ["sakhalin", 15],
]);
/** Statuses of messages registered under a day ago, under 20 days ago, and older. */
export const statusFresh = weighted<string>([
  ["new", 30],
  ["routed", 40],
  ["in_work", 25],
  ["returned", 3],
  ["rejected", 2],
]);
export const statusRecent = weighted<string>([
  ["routed", 8],
  ["in_work", 45],
  ["answer_review", 8],
  ["awaiting_contact", 4],
  ["extension_requested", 2],
  ["returned", 2],
  ["answered", 15],
  ["closed", 11],
  ["rejected", 3],
  ["redirected", 2],
]);
export const statusOld = weighted<string>([
  ["closed", 80],
  ["answered", 8],
  ["rejected", 4],
  ["redirected", 4],
  ["in_work", 2],
  ["reopened", 1],
  ["answer_review", 0.5],
  ["returned", 0.3],
  ["new", 0.2],
]);

/** A value in COPY's text format. */
export { copyText } from "@/lib/db/copy-text";

export function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times `runs` calls after 3 warm-up calls and prints p50/p95 under `label`. */
export async function timeCalls(
  label: string,
  runs: number,
  fn: (i: number) => Promise<unknown>,
  width = 34,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const r = { p50: pct(ms, 50), p95: pct(ms, 95) };
  console.log(`${label.padEnd(width)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms`);
  return r;
}
