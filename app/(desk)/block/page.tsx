import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { ownBlock } from "@/lib/queue/own-block";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { MessageListView } from "@/components/messages/message-list-view";

export const metadata: Metadata = { title: "Сообщения блока" };

export default async function BlockPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePage("/block");
  const block = await ownBlock(user);
  const params = flatParams(await searchParams);
  return (
    <>
      <h1 className="text-2xl font-semibold">Сообщения блока</h1>
      <p className="mb-4 text-slate-700">{block?.name ?? "Блок не назначен — обратитесь к начальнику МЦУ."}</p>
      <MessageListView
        user={user}
        basePath="/block"
        params={params}
        defaultSort="due_asc"
        caption="Сообщения блока по сроку"
      />
    </>
  );
}
