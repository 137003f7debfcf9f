import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { listQueue } from "@/lib/queue/list-queue";
import { queuePresetCounts } from "@/lib/queue/preset-counts";
import { queueOptions } from "@/lib/queue/options";
import { listSavedViews } from "@/lib/queue/saved-views";
import { QueueView } from "@/components/queue/queue-view";

export const metadata: Metadata = { title: "Очередь сообщений" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // The МЦУ curator arrives here from the dashboards and reports: the same list, read-only.
  const user = await requirePage("/queue");
  const params = flatParams(await searchParams);
  const [result, counts, options, views] = await Promise.all([
    listQueue(user, params),
    queuePresetCounts(user),
    queueOptions(user),
    listSavedViews(user),
  ]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Очередь сообщений</h1>
      <QueueView result={result} counts={counts} options={options} views={views} canAct={can(user, "queue.bulk")} />
    </>
  );
}
