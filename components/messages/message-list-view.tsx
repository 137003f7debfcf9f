import type { CurrentUser } from "@/lib/auth/session";
import { listMessages } from "@/lib/messages/list-messages";
import { MessageFilters } from "./message-filters";
import { MessageTable } from "./message-table";
import { Pagination } from "@/components/ui/pagination";

/** The message list shared by the coordinator's queue and the block head's screen. */
export async function MessageListView({
  user,
  basePath,
  params,
  defaultSort,
  caption,
}: {
  user: CurrentUser;
  basePath: string;
  params: Record<string, string | undefined>;
  defaultSort: string;
  caption: string;
}) {
  const merged: Record<string, string | undefined> = { sort: defaultSort, ...params };
  const result = await listMessages(user, merged);
  return (
    <>
      <MessageFilters
        action={basePath}
        status={merged.status}
        channel={merged.channel}
        sort={merged.sort ?? defaultSort}
      />
      <MessageTable rows={result.data} caption={caption} />
      <Pagination
        basePath={basePath}
        params={merged}
        page={result.page}
        totalPages={result.totalPages}
        count={result.count}
      />
    </>
  );
}
