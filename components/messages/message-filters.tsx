import { CHANNEL_LABELS, STATUS_LABELS } from "@/lib/messages/labels";
import { Card } from "@/components/ui/card";

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. */
export function MessageFilters({
  action,
  status,
  channel,
  sort,
}: {
  action: string;
  status?: string;
  channel?: string;
  sort: string;
}) {
  return (
    <Card action={action} method="get" as="form" padding="sm" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
      <div>
        <label htmlFor="f-status" className="block font-medium">
          Статус
        </label>
        <select
          id="f-status"
          name="status"
          defaultValue={status ?? ""}
          className="mt-1 rounded border border-slate-400 px-2 py-1"
        >
          <option value="">Все</option>
          {Object.entries(STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-channel" className="block font-medium">
          Канал
        </label>
        <select
          id="f-channel"
          name="channel"
          defaultValue={channel ?? ""}
          className="mt-1 rounded border border-slate-400 px-2 py-1"
        >
          <option value="">Все</option>
          {Object.entries(CHANNEL_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-sort" className="block font-medium">
          Порядок
        </label>
        <select id="f-sort" name="sort" defaultValue={sort} className="mt-1 rounded border border-slate-400 px-2 py-1">
          <option value="registered_desc">Сначала новые</option>
          <option value="registered_asc">Сначала старые</option>
          <option value="due_asc">По сроку</option>
        </select>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-600">
        Показать
      </button>
    </Card>
  );
}
