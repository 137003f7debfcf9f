import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { listProblems, parseProblemListParams, problemFilterOptions } from "@/lib/problems/list-problems";
import { can } from "@/lib/auth/permissions";
import { Pagination } from "@/components/ui/pagination";
import { ProblemFilters } from "@/components/problems/problem-filters";
import { ProblemTable } from "@/components/problems/problem-table";
import { ClusterNowButton } from "@/components/problems/cluster-now-button";

export const metadata: Metadata = { title: "Комплексные проблемы" };

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePage("/problems");
  const params = flatParams(await searchParams);
  const p = parseProblemListParams(params);
  const [result, options] = await Promise.all([listProblems(user, params), problemFilterOptions(user)]);
  const filtered = Boolean(p.topic || p.block || p.channel || p.q) || p.status !== "active";
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Комплексные проблемы</h1>
        {can(user, "problem.edit") && <ClusterNowButton />}
      </div>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        Сообщения из всех каналов об одной проблеме — одна тема, тот же или соседний адрес, похожий текст, близкое время
        — группируются автоматически каждые две минуты. Координатор объединяет и разделяет проблемы, прикрепляет и
        открепляет сообщения и может выпустить один ответ для всех сообщений проблемы.
      </p>
      <ProblemFilters
        values={{ status: p.status, topic: p.topic, block: p.block, channel: p.channel, q: p.q }}
        topics={options.topics}
        blocks={options.blocks}
      />
      {result.count === 0 ? (
        <p
          className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700"
          data-testid="problems-empty"
        >
          {filtered
            ? "Под выбранные условия проблем нет — измените фильтры."
            : "Пока нет комплексных проблем: связанные сообщения ещё не найдены."}
        </p>
      ) : (
        <ProblemTable rows={result.data} />
      )}
      <Pagination
        basePath="/problems"
        params={params}
        page={result.page}
        totalPages={result.totalPages}
        count={result.count}
      />
    </>
  );
}
