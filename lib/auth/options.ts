import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { verifyCredentials } from "./credentials";
import { decodeSessionToken, encodeSessionToken } from "./jwt";
import type { RoleCode } from "./roles";

declare module "next-auth" {
  interface Session {
    user: { id: number; name: string; login: string; role: RoleCode; blockId: number | null };
  }
  interface User {
    login: string;
    role: RoleCode;
    blockId: number | null;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    login: string;
    role: RoleCode;
    blockId: number | null;
  }
}

/** Error strings handed to the sign-in page (next-auth passes the thrown message through). */
export const LOCKED_PREFIX = "LOCKED:";
export const INVALID_CREDENTIALS = "INVALID_CREDENTIALS";

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      name: "Учётная запись",
      credentials: { login: { label: "Логин", type: "text" }, password: { label: "Пароль", type: "password" } },
      async authorize(credentials) {
        const r = await verifyCredentials(credentials);
        if (r.ok) return { id: String(r.user.id), name: r.user.name, login: r.user.login, role: r.user.role, blockId: r.user.blockId };
        if (r.reason === "locked") throw new Error(LOCKED_PREFIX + r.lockedUntil.toISOString());
        throw new Error(INVALID_CREDENTIALS);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.login = user.login;
        token.role = user.role;
        token.blockId = user.blockId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, name: token.name ?? "", login: token.login, role: token.role, blockId: token.blockId };
      return session;
    },
  },
};
