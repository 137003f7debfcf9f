import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/guards";
import { clusterProblems, type ClusterResult } from "./cluster";

/** «Сгруппировать сейчас»: the same pass the worker runs every two minutes. */
export async function runClusteringNow(user: CurrentUser): Promise<ClusterResult> {
  assertCan(user, "problem.edit");
  const r = await clusterProblems();
  await audit({
    actorId: user.id,
    action: "problem.cluster",
    entity: "problem",
    data: { attached: r.attached, created: r.created, problemIds: r.problemIds },
  });
  return r;
}
