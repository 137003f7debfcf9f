import { formatNumber } from "@/lib/format";
import { Card } from "@/components/ui/card";

export function StatCard({
  label,
  value,
  tone = "slate",
}: {
  label: string;
  value: number;
  tone?: "slate" | "amber" | "red";
}) {
  const color = tone === "red" ? "text-red-800" : tone === "amber" ? "text-amber-800" : "text-slate-900";
  return (
    <Card>
      <div className="text-sm text-slate-700">{label}</div>
      <div className={`text-2xl font-semibold ${color}`}>{formatNumber(value)}</div>
    </Card>
  );
}
