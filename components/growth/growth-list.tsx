import { AppLink as Link } from "@/components/ui/app-link";
import type { Growth, GrowthReport } from "@/lib/analytics/growth";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { formatDateTime } from "@/lib/format";
import { CreateProblemButton } from "./create-problem-button";
import { formatDecimal, formatProbabilityTerm, formatRatio, messagesWord } from "@/lib/analytics/growth-format";
import { WeeklyBars } from "./weekly-bars";
import { Card } from "@/components/ui/card";

function GrowthCard({
  g,
  index,
  report,
  canCreate,
}: {
  g: Growth;
  index: number;
  report: GrowthReport;
  canCreate: boolean;
}) {
  const weeks = [...report.baseline, report.current];
  const name = `${g.topicName} · ${g.locality}`;
  const inProblems = g.problems.reduce((s, p) => s + p.messages, 0);
  return (
    <Card as="article" data-testid="growth" aria-labelledby={`growth-${index}`}>
      <div className="flex flex-wrap items-start gap-4">
        <div className="min-w-0 flex-1">
          <h2 id={`growth-${index}`} className="text-lg font-semibold">
            {name}
          </h2>
          <p className="text-sm text-slate-800">
            <strong>{messagesWord(g.observed)}</strong> за неделю при ожидаемых {formatDecimal(g.expected)} —{" "}
            {formatRatio(g.ratio)}.
          </p>
          <p className="text-sm text-slate-700">
            {formatProbabilityTerm("p", g.pValue)}, {formatProbabilityTerm("q", g.qValue)} — значимо при FDR 5 %.
          </p>
        </div>
        <WeeklyBars weekly={g.weekly} weeks={weeks} />
      </div>

      <h3 className="mt-3 text-sm font-semibold">Характерные слова</h3>
      {g.words.length ? (
        <ul className="mt-1 flex flex-wrap gap-1" data-testid="growth-words">
          {g.words.map((w) => (
            <li
              key={w.stem}
              className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-sm text-amber-950"
              title={`в ${messagesWord(w.messages)}, z = ${formatDecimal(w.z)}`}
            >
              {w.word}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">Слов, отличающих эту неделю от обычных сообщений темы, не найдено.</p>
      )}

      <h3 className="mt-3 text-sm font-semibold">Примеры сообщений</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {g.samples.map((s) => (
          <li key={s.id}>
            <Link href={`/messages/${s.id}`} className="font-medium text-brand-700 underline">
              № {s.id}
            </Link>{" "}
            <span className="text-slate-700">
              {CHANNEL_LABELS[s.channel]} · {formatDateTime(s.registeredAt)}
            </span>
            <p className="line-clamp-2 text-slate-800">
              {s.title ? <strong>{s.title}. </strong> : null}
              {s.preview}
            </p>
          </li>
        ))}
      </ul>

      {g.problems.length > 0 && (
        <p className="mt-3 text-sm text-slate-800">
          Уже в проблемах ({messagesWord(inProblems)} из {g.observed}):{" "}
          {g.problems.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ", "}
              <Link href={`/problems/${p.id}`} className="text-brand-700 underline">
                № {p.id} «{p.title}»
              </Link>
            </span>
          ))}
        </p>
      )}

      <div className="mt-3 flex flex-wrap items-center gap-4">
        <Link href={g.queueHref} className="text-sm font-medium text-brand-700 underline">
          Открыть в очереди: {messagesWord(g.observed)}
        </Link>
        {canCreate && (
          <CreateProblemButton
            topic={g.topicCode}
            locality={g.locality}
            from={report.current.from}
            to={report.current.to}
            label={name}
            done={inProblems >= g.observed}
          />
        )}
      </div>
    </Card>
  );
}

export function GrowthList({ report, canCreate }: { report: GrowthReport; canCreate: boolean }) {
  if (report.insufficientHistory) {
    return (
      <Card as="p" className="text-sm text-slate-800">
        Истории сообщений пока меньше двух недель до текущей: сравнивать не с чем.
      </Card>
    );
  }
  if (report.growths.length === 0) {
    return (
      <Card as="p" className="text-sm text-slate-800" data-testid="growth-empty">
        Значимого роста за неделю нет: ни одна пара «тема × населённый пункт» не выросла значимо при FDR 5 %.
      </Card>
    );
  }
  return (
    <div className="space-y-4">
      {report.growths.map((g, i) => (
        <GrowthCard key={`${g.topicId}-${g.locality}`} g={g} index={i} report={report} canCreate={canCreate} />
      ))}
      {report.totalGrowths > report.growths.length && (
        <p className="text-sm text-slate-700">
          Показаны {report.growths.length} из {report.totalGrowths} значимых ростов, самые значимые.
        </p>
      )}
    </div>
  );
}
