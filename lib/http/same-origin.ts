import { AppError } from "@/lib/errors";

/** Refuses a cross-site request: the `Origin` header must be present and name the host the
 * request was sent to (x-forwarded-host behind a proxy, else host). The session cookie alone
 * must not let another site change anything. */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host"))?.split(",")[0].trim();
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null; // "null" (sandboxed frames) does not parse
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) throw new AppError("forbidden", "Запрос отклонён.");
}
