import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { assertRole } from "@/lib/auth/guards";
import { PROBLEM_EDIT_ROLES } from "./access";
import { clusterProblems, type ClusterResult } from "./cluster";

/** «Сгруппировать сейчас»: the same pass the worker runs every two minutes. */
export async function runClusteringNow(user: CurrentUser): Promise<ClusterResult> {
  assertRole(user, ...PROBLEM_EDIT_ROLES);
  const r = await clusterProblems();
  await audit({ actorId: user.id, action: "problem.cluster", entity: "problem", data: { attached: r.attached, created: r.created, problemIds: r.problemIds } });
  return r;
}
