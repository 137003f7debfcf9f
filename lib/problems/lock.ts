import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Locks the problem row for the rest of the transaction, so two coordinators editing the same
 * problem (merge and split at once) are serialized; a merged problem is read-only. */
export async function lockProblem(tx: Tx, id: number, opts: { allowMerged?: boolean } = {}) {
  const [p] = await tx.$queryRaw<
    {
      id: number;
      title: string;
      status: string;
      merged_into_id: number | null;
      topic_id: number | null;
      locality: string | null;
      address: string | null;
    }[]
  >`
    SELECT id, title, status::text AS status, merged_into_id, topic_id, locality, address FROM problems WHERE id = ${id} FOR UPDATE`;
  if (!p) throw new AppError("not_found", `Проблема № ${id} не найдена.`);
  if (p.merged_into_id != null && !opts.allowMerged) {
    throw new AppError("conflict", `Проблема № ${id} объединена с проблемой № ${p.merged_into_id} — работайте с ней.`);
  }
  return p;
}
