import { missingCurrentYearWarning, missingNextYearWarning } from "@/lib/deadlines";

/** Shown to the МЦУ head from 1 October when next year's production calendar is not loaded yet
 * (deadlines crossing New Year would then count plain Mon–Fri and miss the holidays). */
export function CalendarWarning({ now = new Date() }: { now?: Date }) {
  const text = missingCurrentYearWarning(now) ?? missingNextYearWarning(now);
  if (!text) return null;
  return (
    <div
      role="note"
      data-testid="calendar-warning"
      className="mb-4 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-semibold">Производственный календарь</p>
      <p>{text}</p>
    </div>
  );
}
