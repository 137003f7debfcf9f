import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listPolicies } from "@/lib/admin/policies";
import { REGIME_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";
import { PolicyForm } from "@/components/routing/policy-form";
import { CalendarWarning } from "@/components/routing/calendar-warning";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Сроки" };

export default async function PoliciesPage() {
  await requirePage("/admin/policies");
  const policies = await listPolicies();
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Сроки ответа</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        Правила сроков по правовым режимам. Рабочие дни считаются по производственному календарю РФ во времени Сахалина.
        Изменение действует для сообщений, поступивших (и продлений, согласованных) после него; сроки уже поступивших
        сообщений не пересчитываются.
      </p>
      <CalendarWarning />
      <div className="grid gap-4 lg:grid-cols-2">
        {policies.map((p) => (
          <Card key={p.regime} aria-labelledby={`policy-${p.regime}-heading`} as="section">
            <h2 id={`policy-${p.regime}-heading`} className="text-lg font-semibold">
              {REGIME_LABELS[p.regime]}
            </h2>
            <p className="mb-3 text-xs text-slate-700">
              {p.updatedBy
                ? `Изменено ${formatDateTime(p.updatedAt)}, ${p.updatedBy}`
                : "Значения, заданные при установке"}
            </p>
            <PolicyForm policy={p} title={REGIME_LABELS[p.regime]} />
          </Card>
        ))}
      </div>
    </>
  );
}
