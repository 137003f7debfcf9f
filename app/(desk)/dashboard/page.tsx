import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { overviewCounts } from "@/lib/analytics/overview-counts";
import { blockDeadlineStats } from "@/lib/analytics/block-stats";
import { CHANNEL_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { StatCard } from "@/components/ui/stat-card";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Показатели" };

function CountList({ title, rows }: { title: string; rows: { label: string; count: number }[] }) {
  return (
    <section className="rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">{title}</h2>
      <ul className="space-y-1 text-sm">
        {rows.map((r) => (
          <li key={r.label} className="flex justify-between gap-4"><span>{r.label}</span><span className="font-medium">{formatNumber(r.count)}</span></li>
        ))}
      </ul>
    </section>
  );
}

export default async function DashboardPage() {
  await requireRole("mcu_curator");
  const [c, blocks] = await Promise.all([overviewCounts(), blockDeadlineStats("all")]);
  const overdue = blocks.reduce((s, b) => s + b.overdue, 0);
  const atRisk = blocks.reduce((s, b) => s + b.atRisk, 0);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Показатели МЦУ</h1>
      <p className="mb-4 text-sm text-slate-700">Сводка по всем каналам. Подробные графики удовлетворённости и причин роста появятся в следующих версиях.</p>
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard label="Всего сообщений" value={c.total} />
        <StatCard label="Под угрозой срыва" value={atRisk} tone="amber" />
        <StatCard label="Просрочено сейчас" value={overdue} tone="red" />
        <StatCard label="Оценок жителей" value={c.ratings.rated} />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <CountList title="По статусам" rows={c.byStatus.map((r) => ({ label: STATUS_LABELS[r.key as keyof typeof STATUS_LABELS], count: r.count }))} />
        <CountList title="По каналам" rows={c.byChannel.map((r) => ({ label: CHANNEL_LABELS[r.key as keyof typeof CHANNEL_LABELS], count: r.count }))} />
        <CountList title="По темам" rows={c.byTopic.map((r) => ({ label: r.key, count: r.count }))} />
      </div>
      <p className="mt-4 text-sm text-slate-700">
        Удовлетворены ответом: {formatNumber(c.ratings.satisfied)} из {formatNumber(c.ratings.rated)}
        {c.ratings.average != null && `, средняя оценка ${c.ratings.average.toFixed(2).replace(".", ",")}`}.
      </p>
    </>
  );
}
