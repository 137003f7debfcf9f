import { AppLink as Link } from "@/components/ui/app-link";
import type { ProblemDetails } from "@/lib/problems/get-problem";
import { CHANNEL_LABELS } from "@/lib/messages/labels";

/** Residents with contacts for roles allowed to see personal data; the count for the others. */
export function ProblemResidents({ count, residents }: { count: number; residents: ProblemDetails["residents"] }) {
  if (!residents)
    return (
      <p className="text-sm text-slate-700">Жителей: {count}. Персональные данные заявителей скрыты для вашей роли.</p>
    );
  if (!residents.length) return <p className="text-sm text-slate-700">Жителей нет.</p>;
  return (
    <table className="w-full text-sm" data-testid="problem-residents">
      <caption className="sr-only">Затронутые жители</caption>
      <thead className="bg-slate-50 text-left">
        <tr>
          <th scope="col" className="px-2 py-2">
            ФИО
          </th>
          <th scope="col" className="px-2 py-2">
            Телефон
          </th>
          <th scope="col" className="px-2 py-2">
            E-mail
          </th>
          <th scope="col" className="px-2 py-2">
            Сообщения
          </th>
        </tr>
      </thead>
      <tbody>
        {residents.map((r) => (
          <tr key={r.messageIds.join("-")} className="border-t border-slate-100">
            <td className="px-2 py-2">{r.name ?? "—"}</td>
            <td className="px-2 py-2">{r.phone ?? "—"}</td>
            <td className="px-2 py-2">{r.email ?? "—"}</td>
            <td className="px-2 py-2">
              {r.messageIds.map((id, i) => (
                <span key={id}>
                  {i > 0 && ", "}
                  <Link href={`/messages/${id}`} className="text-brand-700 underline">
                    № {id}
                  </Link>
                </span>
              ))}
              <span className="text-slate-700"> ({r.channels.map((c) => CHANNEL_LABELS[c]).join(", ")})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
