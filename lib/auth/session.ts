import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { decodeSessionToken } from "./jwt";
import { authOptions } from "./options";
import type { RoleCode } from "./roles";
import { can, PAGE_PERMISSIONS, type PagePath, type Permission } from "./permissions";
import { assertCan } from "./guards";

export type CurrentUser = {
  id: number;
  name: string;
  login: string;
  role: RoleCode;
  blockId: number | null;
  curatedBlockIds: number[];
};

/** The signed-in user, re-read from the database once per request so a disabled account or a
 * changed role takes effect immediately rather than when the JWT expires. The session token is
 * read with next-auth's getToken (its cookie name, `__Secure-` on https, and chunks) and our decode,
 * the expiry checked. getServerSession would also encrypt a fresh token on every call only to drop
 * it (called from the App Router, its cookie setter is a no-op), so a session still lasts maxAge
 * from sign-in. No Authorization header is passed: a session comes only from the cookie. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  if (!authOptions.secret) return null;
  const jar = await cookies();
  const token = await getToken({
    req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as Parameters<
      typeof getToken
    >[0]["req"],
    secret: authOptions.secret,
    secureCookie: authOptions.useSecureCookies ?? env().NEXTAUTH_URL?.startsWith("https://") ?? false,
    decode: decodeSessionToken,
  });
  // A token from before session versions (no sv) counts as ended.
  return typeof token?.uid === "number" ? loadUser(token.uid, typeof token.sv === "number" ? token.sv : 0) : null;
});

/** The user, if active; with `sessionVersion`, only if the session has not been ended since
 * (sign-out, password or role change, «Завершить все сеансы» raise users.session_version). */
export async function loadUser(id: number, sessionVersion?: number): Promise<CurrentUser | null> {
  // One round trip on every request: the user and the blocks they curate.
  const [u] = await db().$queryRaw<
    {
      id: number;
      full_name: string;
      login: string;
      role: RoleCode;
      block_id: number | null;
      active: boolean;
      session_version: number;
      curated: number[];
    }[]
  >`
    SELECT u.id, u.full_name, u.login, u.role::text AS role, u.block_id, u.active, u.session_version,
           ARRAY(SELECT bc.block_id FROM block_curators bc WHERE bc.user_id = u.id ORDER BY bc.block_id) AS curated
    FROM users u WHERE u.id = ${id}`;
  if (!u || !u.active) return null;
  if (sessionVersion !== undefined && u.session_version !== sessionVersion) return null;
  return { id: u.id, name: u.full_name, login: u.login, role: u.role, blockId: u.block_id, curatedBlockIds: u.curated };
}

/** For pages: no session → sign-in page; without the capability → not found (we do not reveal
 * what exists). Without an argument: any signed-in user. */
export async function requirePermission(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (permission && !can(user, permission)) notFound();
  return user;
}

/** For server actions, route handlers and data functions: throws AppError instead of redirecting. */
export async function authorize(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Сеанс истёк. Войдите снова.");
  if (permission) assertCan(user, permission);
  return user;
}

/** For a page: the capability its entry in PAGE_PERMISSIONS names. */
export function requirePage(path: PagePath): Promise<CurrentUser> {
  return requirePermission(PAGE_PERMISSIONS[path] ?? undefined);
}
