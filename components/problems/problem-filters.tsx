import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { PROBLEM_STATUS_LABELS } from "@/lib/problems/labels";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { Card } from "@/components/ui/card";

type Option = { code: string; name: string };
const SELECT = "mt-1 rounded border border-slate-400 bg-white px-2 py-1";

/** A filter that may be left at «Все». */
function OptionalSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={`pf-${name}`} className="block font-medium">
        {label}
      </label>
      <select id={`pf-${name}`} name={name} defaultValue={value ?? ""} className={SELECT}>
        <option value="">Все</option>
        {options.map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: filters live in the URL, so a view can be bookmarked; page resets to 1. */
export function ProblemFilters({
  values,
  topics,
  blocks,
}: {
  values: { status: string; topic?: string; block?: string; channel?: string; q?: string };
  topics: Option[];
  blocks: Option[];
}) {
  return (
    <Card
      action="/problems"
      method="get"
      as="form"
      padding="sm"
      className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      role="search"
      aria-label="Фильтры проблем"
    >
      <div>
        <label htmlFor="pf-q" className="block font-medium">
          Название, адрес или №
        </label>
        <input
          id="pf-q"
          name="q"
          defaultValue={values.q ?? ""}
          maxLength={TEXT_LIMITS.search}
          className={`${SELECT} w-56`}
        />
      </div>
      <div>
        <label htmlFor="pf-status" className="block font-medium">
          Статус
        </label>
        <select id="pf-status" name="status" defaultValue={values.status} className={SELECT}>
          <option value="active">Открытые и в работе</option>
          {Object.entries(PROBLEM_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
          <option value="merged">Объединённые</option>
          <option value="all">Все</option>
        </select>
      </div>
      <OptionalSelect name="topic" label="Тема" value={values.topic} options={topics.map((t) => [t.code, t.name])} />
      <OptionalSelect name="block" label="Блок" value={values.block} options={blocks.map((b) => [b.code, b.name])} />
      <OptionalSelect name="channel" label="Канал" value={values.channel} options={Object.entries(CHANNEL_LABELS)} />
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-600">
        Показать
      </button>
    </Card>
  );
}
