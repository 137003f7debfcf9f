// Periodic jobs besides channel pulls and search indexing. Each runs at most once per
// `everySeconds` across all workers.
export type PeriodicJob = { name: string; everySeconds: number; run: () => Promise<void> };

export const PERIODIC_JOBS: PeriodicJob[] = [
  // At-risk / overdue notifications (lib/deadlines/sweep.ts); imported lazily so the list stays cheap to load.
  {
    name: "deadline-sweep",
    everySeconds: 60,
    run: async () => {
      await (await import("../deadlines/sweep")).sweepDeadlines();
    },
  },
  // Residents' ratings from ПОС close or reopen answered messages (lib/jobs/ratings.ts).
  {
    name: "pull-ratings",
    everySeconds: 30,
    run: async () => {
      await (await import("./ratings")).pullRatings();
    },
  },
  // Answers whose dispatch to the channel failed are retried with backoff (lib/jobs/dispatch-retry.ts).
  {
    name: "dispatch-retry",
    everySeconds: 60,
    run: async () => {
      await (await import("./dispatch-retry")).retryFailedDispatches();
    },
  },
  // The dashboard's daily rollup: days touched since the last run are recomputed (lib/analytics/dashboard-rollup.ts).
  {
    name: "dashboard-rollup",
    everySeconds: 60,
    run: async () => {
      await (await import("../analytics/dashboard-rollup")).refreshDashboardRollup();
    },
  },
  // Related messages from all channels are grouped into «комплексные проблемы» (lib/problems/cluster.ts).
  {
    name: "cluster-problems",
    everySeconds: 120,
    run: async () => {
      await (await import("../problems/cluster")).clusterProblems();
    },
  },
  // Attachment files no answer refers to (refused or removed uploads) older than an hour (lib/workflow/attachment-sweep.ts).
  {
    name: "attachment-sweep",
    everySeconds: 3600,
    run: async () => {
      await (await import("../workflow/attachment-sweep")).sweepOrphanAttachments();
    },
  },
];
