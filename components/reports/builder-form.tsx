import Form from "next/form";
import { AppLink as Link } from "@/components/ui/app-link";
import { DIMENSIONS, DIMENSION_LABELS, MEASURES, MEASURE_INFO } from "@/lib/analytics/report-config";
import { CHANNEL_LABELS, REGIME_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import type { QueueOptions } from "@/lib/queue/options";
import { Card } from "@/components/ui/card";

/** What the form shows: the URL's values as typed, even when they do not make a valid report. */
export type BuilderValues = {
  rows: string[];
  col: string;
  measures: string[];
  filters: Record<string, string | undefined>;
};

const field = "mt-0.5 w-full rounded border border-slate-400 bg-white px-2 py-1";

function Select({
  id,
  name,
  label,
  value,
  entries,
  empty,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  entries: [string, string][];
  empty: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={field}>
        <option value="">{empty}</option>
        {entries.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The builder: a GET form, so every report is a URL (bookmark, link, browser history). */
export function BuilderForm({ values, options }: { values: BuilderValues; options: QueueOptions }) {
  const dims = DIMENSIONS.map((d) => [d, DIMENSION_LABELS[d]] as [string, string]);
  const f = values.filters;
  return (
    <Card action="/reports" as={Form} className="text-sm" aria-labelledby="builder-h">
      <h2 id="builder-h" className="mb-2 font-semibold">
        Параметры отчёта
      </h2>
      <div className="grid gap-3 md:grid-cols-3">
        <Select id="r-row1" name="row" label="Строки" value={values.rows[0]} entries={dims} empty="— без строк —" />
        <Select
          id="r-row2"
          name="row"
          label="Строки, второй уровень"
          value={values.rows[1]}
          entries={dims}
          empty="— нет —"
        />
        <Select id="r-col" name="col" label="Столбцы" value={values.col} entries={dims} empty="— без столбцов —" />
      </div>
      <div className="mt-3 grid gap-3 md:grid-cols-3">
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="r-from" className="block text-xs font-medium">
              Период с
            </label>
            <input id="r-from" name="from" type="date" required defaultValue={f.from} className={field} />
          </div>
          <div>
            <label htmlFor="r-to" className="block text-xs font-medium">
              Период по
            </label>
            <input id="r-to" name="to" type="date" required defaultValue={f.to} className={field} />
          </div>
        </div>
      </div>
      <fieldset className="mt-3">
        <legend className="text-xs font-medium">Показатели (от одного до четырёх)</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {MEASURES.map((m) => (
            <label key={m} className="inline-flex items-center gap-1.5" title={MEASURE_INFO[m].hint}>
              <input type="checkbox" name="m" value={m} defaultChecked={values.measures.includes(m)} />
              {MEASURE_INFO[m].label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3 grid gap-3 md:grid-cols-5">
        <Select
          id="r-channel"
          name="channel"
          label="Канал"
          value={f.channel}
          entries={Object.entries(CHANNEL_LABELS)}
          empty="Все каналы"
        />
        <Select
          id="r-topic"
          name="topic"
          label="Тема"
          value={f.topic}
          entries={options.topics.map((t) => [t.code, t.name])}
          empty="Все темы"
        />
        <Select
          id="r-block"
          name="block"
          label="Блок"
          value={f.block}
          entries={options.blocks.map((b) => [b.code, b.name])}
          empty="Все блоки"
        />
        <Select
          id="r-status"
          name="status"
          label="Статус"
          value={f.status}
          entries={Object.entries(STATUS_LABELS)}
          empty="Все статусы"
        />
        <Select
          id="r-regime"
          name="regime"
          label="Правовой режим"
          value={f.regime}
          entries={Object.entries(REGIME_LABELS)}
          empty="Все режимы"
        />
      </div>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-medium text-white">
          Построить отчёт
        </button>
        <Link href="/reports" className="text-brand-700 underline">
          Сбросить
        </Link>
      </div>
    </Card>
  );
}
