// Who gets told: the block's head(s), the block's curators, the coordinators. Active users only.
import type { Tx } from "@/lib/db";

export async function blockHeadIds(tx: Tx, blockId: number | null): Promise<number[]> {
  if (blockId == null) return [];
  const rows = await tx.user.findMany({ where: { role: "block_head", blockId, active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function blockCuratorIds(tx: Tx, blockId: number | null): Promise<number[]> {
  if (blockId == null) return [];
  const rows = await tx.blockCurator.findMany({
    where: { blockId, user: { active: true, role: "block_curator" } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

export async function coordinatorIds(tx: Tx): Promise<number[]> {
  const rows = await tx.user.findMany({ where: { role: "coordinator", active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}
