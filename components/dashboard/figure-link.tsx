import { AppLink as Link } from "@/components/ui/app-link";
import type { FigureLink } from "@/lib/analytics/dashboard-figures";
import { fmtCount } from "@/lib/analytics/dashboard-figures";

/** A count that opens the queue with exactly those messages; plain text when no filter exists. */
export function FigureValue({ f, className = "" }: { f: FigureLink; className?: string }) {
  if (!f.href || f.value === 0) return <span className={className}>{fmtCount(f.value)}</span>;
  return (
    <Link
      href={f.href}
      className={`text-blue-800 underline decoration-dotted underline-offset-2 hover:decoration-solid ${className}`}
      aria-label={`${f.label}: ${fmtCount(f.value)} — открыть в очереди`}
    >
      {fmtCount(f.value)}
    </Link>
  );
}
