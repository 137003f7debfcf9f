import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { verifyCredentials } from "./credentials";
import { endSessions } from "./session-version";
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
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    login: string;
    role: RoleCode;
    blockId: number | null;
    /** users.session_version at sign-in; a token whose version is behind is refused (lib/auth/session.ts). */
    sv: number;
  }
}

/** Error strings handed to the sign-in page (next-auth passes the thrown message through). The
 * lock is told only after a correct password; unknown login and wrong password say the same. */
export const LOCKED_PREFIX = "LOCKED:";
export const INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
export const THROTTLED = "THROTTLED";

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      name: "Учётная запись",
      credentials: { login: { label: "Логин", type: "text" }, password: { label: "Пароль", type: "password" } },
      async authorize(credentials, req) {
        const r = await verifyCredentials(credentials, new Date(), clientIp(req?.headers));
        if (r.ok) {
          const { id, name, login, role, blockId, sessionVersion } = r.user;
          return { id: String(id), name, login, role, blockId, sessionVersion };
        }
        if (r.reason === "locked") throw new Error(LOCKED_PREFIX + r.lockedUntil.toISOString());
        if (r.reason === "throttled") throw new Error(THROTTLED);
        throw new Error(INVALID_CREDENTIALS);
      },
    }),
  ],
  events: {
    // Signing out ends every session of the user, including copies of the cookie.
    async signOut({ token }) {
      if (typeof token?.uid === "number") await endSessions(token.uid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.login = user.login;
        token.role = user.role;
        token.blockId = user.blockId;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        name: token.name ?? "",
        login: token.login,
        role: token.role,
        blockId: token.blockId,
      };
      return session;
    },
  },
};
