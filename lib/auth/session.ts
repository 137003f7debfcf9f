import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { decodeSessionToken } from "./jwt";
import { authOptions } from "./options";
import type { RoleCode } from "./roles";

export type CurrentUser = {
  id: number;
  name: string;
  login: string;
  role: RoleCode;
  blockId: number | null;
  curatedBlockIds: number[];
};

/** The session cookie as next-auth writes it (`__Secure-` on https), joined again if next-auth
 * had to split it into chunks. */
async function sessionToken(): Promise<string | undefined> {
  const secure = authOptions.useSecureCookies ?? env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const jar = await cookies();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const part = (n: string) => Number(n.slice(name.length + 1));
  const chunks = jar.getAll().filter((c) => c.name.startsWith(`${name}.`) && Number.isInteger(part(c.name))).sort((a, b) => part(a.name) - part(b.name));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/** The signed-in user, re-read from the database once per request so a disabled account or a
 * changed role takes effect immediately rather than when the JWT expires. The session token is
 * decoded as next-auth's getServerSession decodes it (same cookie, same decode, the expiry checked),
 * without the fresh token getServerSession encrypts on every call only to drop it (called from the
 * App Router, its cookie setter is a no-op), so a session still lasts maxAge from sign-in. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await sessionToken();
  if (!token || !authOptions.secret) return null;
  const payload = await decodeSessionToken({ token, secret: authOptions.secret }).catch(() => null);
  return typeof payload?.uid === "number" ? loadUser(payload.uid) : null;
});

export async function loadUser(id: number): Promise<CurrentUser | null> {
  // One round trip on every request: the user and the blocks they curate.
  const [u] = await db().$queryRaw<{ id: number; full_name: string; login: string; role: RoleCode; block_id: number | null; active: boolean; curated: number[] }[]>`
    SELECT u.id, u.full_name, u.login, u.role::text AS role, u.block_id, u.active,
           ARRAY(SELECT bc.block_id FROM block_curators bc WHERE bc.user_id = u.id ORDER BY bc.block_id) AS curated
    FROM users u WHERE u.id = ${id}`;
  if (!u || !u.active) return null;
  return { id: u.id, name: u.full_name, login: u.login, role: u.role, blockId: u.block_id, curatedBlockIds: u.curated };
}

/** For pages: no session → sign-in page; wrong role → not found (we do not reveal what exists). */
export async function requireRole(...roles: RoleCode[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (roles.length && !roles.includes(user.role)) notFound();
  return user;
}

/** For server actions and data functions: throws AppError instead of redirecting. */
export async function authorize(...roles: RoleCode[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Сеанс истёк. Войдите снова.");
  if (roles.length && !roles.includes(user.role)) throw new AppError("forbidden", "Недостаточно прав для этого действия.");
  return user;
}
