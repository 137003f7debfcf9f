import { AppLink as Link } from "@/components/ui/app-link";
import type { CurrentUser } from "@/lib/auth/session";
import { problemOfMessage } from "@/lib/problems/get-problem";
import { PROBLEM_STATUS_LABELS, type ProblemStatusCode } from "@/lib/problems/labels";

/** On the message page: the problem this message belongs to (for roles that see problems). */
export async function MessageProblemLink({ user, messageId }: { user: CurrentUser; messageId: number }) {
  const p = await problemOfMessage(user, messageId);
  if (!p) return null;
  return (
    <p
      className="mt-4 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900"
      data-testid="message-problem"
    >
      Входит в комплексную проблему{" "}
      <Link href={`/problems/${p.id}`} className="font-medium underline">
        № {p.id}. {p.title}
      </Link>{" "}
      ({PROBLEM_STATUS_LABELS[p.status as ProblemStatusCode]}, сообщений: {p.size}).
    </p>
  );
}
