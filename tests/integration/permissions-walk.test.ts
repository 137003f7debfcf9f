// Every server action of app/, called as every role, generated from ACTION_PERMISSIONS (the map):
// a role without the action's capability is refused with «Недостаточно прав…» before anything
// else happens (the input is not even read), a role with it gets past the check (here to the
// input validation, since the form is empty), and without a session every action asks to sign
// in. The real authorize() runs: only where the request's cookie comes from is replaced.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ACTION_PERMISSIONS, can, type Permission } from "@/lib/auth/permissions";
import { ROLES, type RoleCode } from "@/lib/auth/roles";
import { ensureSeeded } from "../support/seeded";
import { sessionCookieFor } from "./workflow-support";

const request = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "permissions-walk-test-secret-0123456789abcdef";
  return { cookies: [] as { name: string; value: string }[] };
});
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => request.cookies }) }));
// Outside a Next.js request there is no cache to revalidate; the actions' calls are no-ops here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const FORBIDDEN = "Недостаточно прав для этого действия.";
const SIGN_IN = "Сеанс истёк. Войдите снова.";
// Actions that would do real work for an allowed role even with an empty form (re-clustering the
// shared database): for them only the refusals are walked.
const NO_INPUT = new Set(["clusterNowAction"]);

const loaders: Record<string, () => Promise<Record<string, unknown>>> = {
  "admin/channels/actions.ts": () => import("@/app/(desk)/admin/channels/actions"),
  "admin/policies/actions.ts": () => import("@/app/(desk)/admin/policies/actions"),
  "admin/routing/actions.ts": () => import("@/app/(desk)/admin/routing/actions"),
  "admin/users/actions.ts": () => import("@/app/(desk)/admin/users/actions"),
  "growth/actions.ts": () => import("@/app/(desk)/growth/actions"),
  "messages/[id]/actions.ts": () => import("@/app/(desk)/messages/[id]/actions"),
  "messages/[id]/related-actions.ts": () => import("@/app/(desk)/messages/[id]/related-actions"),
  "notifications/actions.ts": () => import("@/app/(desk)/notifications/actions"),
  "problems/actions.ts": () => import("@/app/(desk)/problems/actions"),
  "queue/actions.ts": () => import("@/app/(desk)/queue/actions"),
  "reports/actions.ts": () => import("@/app/(desk)/reports/actions"),
  "review/actions.ts": () => import("@/app/(desk)/review/actions"),
};

/** A demo account of each role. */
const logins: Partial<Record<RoleCode, string>> = {};

beforeAll(async () => {
  await ensureSeeded();
  for (const role of ROLES) {
    const u = await db().user.findFirstOrThrow({
      where: { role, active: true, login: { not: { startsWith: "bench_" } } },
      orderBy: { id: "asc" },
      select: { login: true },
    });
    logins[role] = u.login;
  }
});

afterAll(() => {
  request.cookies = [];
});

/** Calls an action the way its form would, with nothing filled in, and returns what it said. */
async function call(fn: (...a: unknown[]) => Promise<unknown>): Promise<string> {
  try {
    const r = fn.length >= 2 ? await fn(null, new FormData()) : await fn({});
    const o = r as { message?: string; error?: string } | null;
    return o?.message ?? o?.error ?? JSON.stringify(r);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const cases = Object.entries(ACTION_PERMISSIONS).flatMap(([file, actions]) =>
  Object.entries(actions).map(([name, permission]) => ({ file, name, permission: permission as Permission | null })),
);

describe("every server action asks the permission map", () => {
  it("covers every module of the map", () => {
    expect(Object.keys(loaders).sort()).toEqual(Object.keys(ACTION_PERMISSIONS).sort());
  });

  it.each(cases)(
    "$file › $name ($permission)",
    async ({ file, name, permission }) => {
      const mod = await loaders[file]();
      const fn = mod[name] as (...a: unknown[]) => Promise<unknown>;
      expect(typeof fn, `${name} is exported`).toBe("function");

      request.cookies = [];
      expect(await call(fn), "without a session").toBe(SIGN_IN);

      for (const role of ROLES) {
        const allowed = permission === null || can({ role }, permission);
        if (allowed && NO_INPUT.has(name)) continue;
        request.cookies = [await sessionCookieFor(logins[role]!)];
        const said = await call(fn);
        if (allowed) expect(said, `${role} has ${permission}`).not.toBe(FORBIDDEN);
        else expect(said, `${role} lacks ${permission}`).toBe(FORBIDDEN);
      }
    },
    60_000,
  );
});
