import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { PROBLEM_STATUS_LABELS } from "@/lib/problems/labels";

type Option = { code: string; name: string };

/** A plain GET form: filters live in the URL, so a view can be bookmarked; page resets to 1. */
export function ProblemFilters({ values, topics, blocks }: {
  values: { status: string; topic?: string; block?: string; channel?: string; q?: string }; topics: Option[]; blocks: Option[];
}) {
  const select = "mt-1 rounded border border-slate-400 bg-white px-2 py-1";
  return (
    <form action="/problems" method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm" role="search" aria-label="Фильтры проблем">
      <div>
        <label htmlFor="pf-q" className="block font-medium">Название, адрес или №</label>
        <input id="pf-q" name="q" defaultValue={values.q ?? ""} className={`${select} w-56`} />
      </div>
      <div>
        <label htmlFor="pf-status" className="block font-medium">Статус</label>
        <select id="pf-status" name="status" defaultValue={values.status} className={select}>
          <option value="active">Открытые и в работе</option>
          {Object.entries(PROBLEM_STATUS_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          <option value="merged">Объединённые</option>
          <option value="all">Все</option>
        </select>
      </div>
      <div>
        <label htmlFor="pf-topic" className="block font-medium">Тема</label>
        <select id="pf-topic" name="topic" defaultValue={values.topic ?? ""} className={select}>
          <option value="">Все</option>
          {topics.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="pf-block" className="block font-medium">Блок</label>
        <select id="pf-block" name="block" defaultValue={values.block ?? ""} className={select}>
          <option value="">Все</option>
          {blocks.map((b) => <option key={b.code} value={b.code}>{b.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="pf-channel" className="block font-medium">Канал</label>
        <select id="pf-channel" name="channel" defaultValue={values.channel ?? ""} className={select}>
          <option value="">Все</option>
          {Object.entries(CHANNEL_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-600">Показать</button>
    </form>
  );
}
