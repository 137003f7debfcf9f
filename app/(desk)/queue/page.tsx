import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { flatParams, type RawSearchParams } from "@/lib/search-params";
import { MessageListView } from "@/components/messages/message-list-view";

export const metadata: Metadata = { title: "Очередь сообщений" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireRole("coordinator", "mcu_head");
  const params = flatParams(await searchParams);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Очередь сообщений</h1>
      <MessageListView user={user} basePath="/queue" params={params} defaultSort="registered_desc" caption="Сообщения жителей" />
    </>
  );
}
