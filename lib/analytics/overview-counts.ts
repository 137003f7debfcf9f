import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/session";

export type OverviewCounts = {
  total: number;
  byStatus: { key: string; count: number }[];
  byChannel: { key: string; count: number }[];
  byTopic: { key: string; count: number }[];
  ratings: { rated: number; satisfied: number; average: number | null };
};

/** Real counts for the МЦУ curator's overview; full dashboards arrive with the analytics work. */
export async function overviewCounts(): Promise<OverviewCounts> {
  await authorize("mcu_curator", "mcu_head");
  const [total, byStatus, byChannel, byTopic, ratingAgg, satisfied] = await Promise.all([
    db().message.count(),
    db().message.groupBy({ by: ["status"], _count: { _all: true } }),
    db().message.groupBy({ by: ["channel"], _count: { _all: true } }),
    db().$queryRaw<{ name: string; count: bigint }[]>`SELECT coalesce(t.name, 'Без темы') AS name, count(*) AS count FROM messages m LEFT JOIN topics t ON t.id = m.topic_id GROUP BY 1 ORDER BY 2 DESC`,
    db().rating.aggregate({ _count: { _all: true }, _avg: { value: true } }),
    db().rating.count({ where: { OR: [{ satisfied: true }, { value: { gte: 4 } }] } }),
  ]);
  return {
    total,
    byStatus: byStatus.map((r) => ({ key: r.status, count: r._count._all })).sort((a, b) => b.count - a.count),
    byChannel: byChannel.map((r) => ({ key: r.channel, count: r._count._all })).sort((a, b) => b.count - a.count),
    byTopic: byTopic.map((r) => ({ key: r.name, count: Number(r.count) })),
    ratings: { rated: ratingAgg._count._all, satisfied, average: ratingAgg._avg.value },
  };
}
