import "server-only";
import { db } from "@/lib/db";
import { OPEN_STATUSES } from "@/lib/messages/labels";

export type BlockDeadlineStats = {
  blockId: number;
  code: string;
  name: string;
  open: number;
  atRisk: number;
  overdue: number;
};

/** Open, at-risk and overdue counts per block (for curators' control views). */
export async function blockDeadlineStats(blockIds: number[] | "all", now = new Date()): Promise<BlockDeadlineStats[]> {
  const blocks = await db().block.findMany({
    where: blockIds === "all" ? {} : { id: { in: blockIds } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, name: true },
  });
  if (blocks.length === 0) return [];
  const rows = await db().$queryRaw<{ block_id: number; open: bigint; at_risk: bigint; overdue: bigint }[]>`
    SELECT block_id,
           count(*) AS open,
           count(*) FILTER (WHERE at_risk_at <= ${now} AND due_at >= ${now}) AS at_risk,
           count(*) FILTER (WHERE due_at < ${now}) AS overdue
    FROM messages
    WHERE block_id = ANY(${blocks.map((b) => b.id)}::int[]) AND status::text = ANY(${OPEN_STATUSES}::text[])
    GROUP BY block_id`;
  const byId = new Map(rows.map((r) => [r.block_id, r]));
  return blocks.map((b) => {
    const r = byId.get(b.id);
    return {
      blockId: b.id,
      code: b.code,
      name: b.name,
      open: Number(r?.open ?? 0),
      atRisk: Number(r?.at_risk ?? 0),
      overdue: Number(r?.overdue ?? 0),
    };
  });
}
