import "server-only";
import { NextResponse } from "next/server";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { authorize, type CurrentUser } from "./session";
import type { Permission } from "./permissions";

type Handler<C> = (req: Request, ctx: C, user: CurrentUser) => Promise<Response>;

/** Wraps a route handler: requires a session and the capability (none: any signed-in user); a state-changing request
 * (anything but GET/HEAD) must also come from the desk's own origin. Errors become
 * `{ error: { code, message } }` with the matching status. */
export function withAuth<C>(permission: Permission | null, handler: Handler<C>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
      const user = await authorize(permission ?? undefined);
      return await handler(req, ctx, user);
    } catch (e) {
      if (e instanceof AppError) {
        return NextResponse.json({ error: { code: e.code, message: e.message } }, { status: e.status });
      }
      console.error(e);
      return NextResponse.json({ error: { code: "internal", message: GENERIC_ERROR_MESSAGE } }, { status: 500 });
    }
  };
}
