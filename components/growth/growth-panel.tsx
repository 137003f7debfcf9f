// The compact «Причины роста» list for the dashboard: the most significant growths of the week
// with their words and queue links. Renders nothing for a role that may not see growths.
import { AppLink as Link } from "@/components/ui/app-link";
import { getCurrentUser } from "@/lib/auth/session";
import { growthReport } from "@/lib/analytics/growth";
import { can } from "@/lib/auth/permissions";
import { formatDecimal, formatRatio, formatWeek, messagesWord } from "@/lib/analytics/growth-format";
import { Card } from "@/components/ui/card";

export async function GrowthPanel({ limit = 5 }: { limit?: number }) {
  const user = await getCurrentUser();
  if (!user || !can(user, "growth.read")) return null;
  const report = await growthReport(user, { limit });
  return (
    <Card as="section" aria-labelledby="growth-panel-title" data-testid="growth-panel">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="growth-panel-title" className="font-semibold">
          Причины роста
        </h2>
        <span className="text-xs text-slate-700">{formatWeek(report.current.from, report.current.to)}</span>
      </div>
      {report.insufficientHistory ? (
        <p className="text-sm text-slate-700">Истории сообщений пока недостаточно для сравнения.</p>
      ) : report.growths.length === 0 ? (
        <p className="text-sm text-slate-700">Значимого роста за неделю нет.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {report.growths.map((g) => (
            <li key={`${g.topicId}-${g.locality}`} className="border-b border-slate-100 pb-2 last:border-0">
              <Link href={g.queueHref} className="font-medium text-brand-700 underline">
                {g.topicName} · {g.locality}
              </Link>
              <span className="text-slate-800">
                {" "}
                — {messagesWord(g.observed)} при ожидаемых {formatDecimal(g.expected)}, {formatRatio(g.ratio)}
              </span>
              {g.words.length > 0 && (
                <div className="text-slate-700">
                  Слова:{" "}
                  {g.words
                    .slice(0, 5)
                    .map((w) => w.word)
                    .join(", ")}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Link href="/growth" className="mt-2 inline-block text-sm text-brand-700 underline">
        Все причины роста{report.totalGrowths > report.growths.length ? ` (${report.totalGrowths})` : ""}
      </Link>
    </Card>
  );
}
