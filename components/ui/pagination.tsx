import { AppLink as Link } from "@/components/ui/app-link";
import { formatNumber } from "@/lib/format";

/** Page links that keep the other URL parameters (filters stay in the URL). */
export function Pagination({
  basePath,
  params,
  page,
  totalPages,
  count,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  totalPages: number;
  count: number;
}) {
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== "page") q.set(k, v);
    q.set("page", String(p));
    return `${basePath}?${q.toString()}`;
  };
  return (
    <nav aria-label="Страницы" className="mt-4 flex items-center gap-3 text-sm">
      <span>
        Всего: {formatNumber(count)} · страница {page} из {totalPages}
      </span>
      {page > 1 && (
        <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" href={href(page - 1)}>
          ← Назад
        </Link>
      )}
      {page < totalPages && (
        <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" href={href(page + 1)}>
          Вперёд →
        </Link>
      )}
    </nav>
  );
}
