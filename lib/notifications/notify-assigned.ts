// Assignment notices for messages routed in bulk by ingest, which writes the routed status with
// the page rather than through transition(). No "server-only": the ingest worker calls it.
// One notice per (message, block): re-processing a page sends nothing twice.
import type { Tx } from "@/lib/db";

export async function notifyAssigned(
  tx: Tx,
  routed: readonly { messageId: number; blockId: number }[],
): Promise<number> {
  if (routed.length === 0) return 0;
  const blockIds = [...new Set(routed.map((r) => r.blockId))];
  const heads = await tx.user.findMany({
    where: { role: "block_head", active: true, blockId: { in: blockIds } },
    select: { id: true, blockId: true },
  });
  const data = routed.flatMap((r) =>
    heads
      .filter((h) => h.blockId === r.blockId)
      .map((h) => ({
        userId: h.id,
        kind: "assigned",
        messageId: r.messageId,
        dedupeKey: `assigned:${r.messageId}:${r.blockId}`,
        title: `Новое сообщение № ${r.messageId} направлено в ваш блок`,
      })),
  );
  if (data.length === 0) return 0;
  return (await tx.notification.createMany({ data, skipDuplicates: true })).count;
}
