// Periodic jobs besides channel pulls and search indexing. Each runs at most once per
// `everySeconds` across all workers.
export type PeriodicJob = { name: string; everySeconds: number; run: () => Promise<void> };

export const PERIODIC_JOBS: PeriodicJob[] = [];
