import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listAwaitingCalls } from "@/lib/workflow/list-awaiting-calls";
import { AwaitingCallsTable } from "@/components/workflow/awaiting-calls-table";

export const metadata: Metadata = { title: "Ждут звонка" };

export default async function AwaitingCallsPage() {
  const user = await requirePage("/curator/calls");
  const rows = await listAwaitingCalls(user);
  return (
    <>
      <h1 className="text-2xl font-semibold">Ждут звонка</h1>
      <p className="mb-4 text-slate-700">
        Ответы по ПОС, одобренные координатором: перед отправкой позвоните заявителю и запишите звонок на странице
        сообщения.
      </p>
      <AwaitingCallsTable rows={rows} />
    </>
  );
}
