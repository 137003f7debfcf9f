import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A chart with its title and, folded below it, the same numbers as a table of links. */
export function ChartSection({
  id,
  title,
  note,
  chart,
  table,
}: {
  id: string;
  title: string;
  note?: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <Card aria-labelledby={`${id}-title`} as="section" data-testid={`section-${id}`}>
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      {note && <p className="mb-2 text-sm text-slate-700">{note}</p>}
      {chart}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-blue-800">Показать таблицей</summary>
        <div className="mt-2 max-h-96 overflow-auto">{table}</div>
      </details>
    </Card>
  );
}
