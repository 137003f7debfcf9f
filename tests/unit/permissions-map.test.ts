// The permission map (lib/auth/permissions.ts) is the only place that says which role may do what.
// This scan fails when a page, a server action or a route handler does not ask it, when the map
// lists a page or action that does not exist, when a role list is written anywhere else, or when
// the navigation offers a role a page it may not open. The behaviour behind the map is walked by
// tests/integration/permissions-walk.test.ts (every action × role) and
// tests/e2e/permissions.spec.ts (every page × role).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_PERMISSIONS, PAGE_PERMISSIONS, PERMISSIONS, can } from "@/lib/auth/permissions";
import { ROLES, ROLE_HOME, ROLE_NAV } from "@/lib/auth/roles";

const ROOT = path.resolve(import.meta.dirname, "../..");

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.name === "generated" || e.name === "node_modules") continue;
    if (e.isDirectory()) walk(rel, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}
const read = (f: string) => readFileSync(path.join(ROOT, f), "utf8");
const DESK = "app/(desk)/";

describe("pages", () => {
  const pages = walk("app/(desk)").filter((f) => f.endsWith("/page.tsx"));
  const routeOf = (f: string) => `/${path.dirname(f).slice(DESK.length)}`;

  it("every page of the desk is in PAGE_PERMISSIONS and asks for its own entry", () => {
    const routes = pages.map(routeOf);
    expect([...routes].sort()).toEqual(Object.keys(PAGE_PERMISSIONS).sort());
    for (const [i, f] of pages.entries()) {
      expect(read(f), `${f} must call requirePage("${routes[i]}")`).toContain(`requirePage("${routes[i]}")`);
    }
  });

  it("each role's navigation and home screen hold only pages the role may open", () => {
    for (const role of ROLES) {
      for (const href of [ROLE_HOME[role], ...ROLE_NAV[role].map((n) => n.href)]) {
        const p = PAGE_PERMISSIONS[href.split("?")[0] as keyof typeof PAGE_PERMISSIONS];
        expect(p, `${role}: ${href} is a page of the map`).not.toBeUndefined();
        if (p) expect(can({ role }, p), `${role} may open ${href} (${p})`).toBe(true);
      }
    }
  });
});

describe("server actions and route handlers", () => {
  it("every exported server action is in ACTION_PERMISSIONS, and nothing else is", () => {
    const found: Record<string, string[]> = {};
    for (const f of walk("app")) {
      const text = read(f);
      if (!/^\s*["']use server["']/.test(text)) continue;
      found[f.slice(DESK.length)] = [...text.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]).sort();
    }
    const listed = Object.fromEntries(Object.entries(ACTION_PERMISSIONS).map(([f, a]) => [f, Object.keys(a).sort()]));
    expect(found).toEqual(listed);
  });

  it("every server action runs through runAction (lib/actions/action-state.ts) under its own name", () => {
    for (const [file, actions] of Object.entries(ACTION_PERMISSIONS)) {
      const text = read(`${DESK}${file}`);
      for (const name of Object.keys(actions)) {
        const body = text.slice(text.indexOf(`export async function ${name}(`)).split(/\nexport /)[0];
        // The message page's actions share one wrapper, run(name, …), which calls runAction.
        const own = new RegExp(`runAction(?:<[^>]*>)?\\(\\s*"${file.replace(/[[\]]/g, "\\$&")}",\\s*"${name}"`);
        const ok = own.test(body) || (text.includes(`runAction("${file}", name`) && body.includes(`run("${name}"`));
        expect(ok, `${file} › ${name} calls runAction("${file}", "${name}", …)`).toBe(true);
      }
    }
  });

  it("every route handler asks for a capability through withAuth (next-auth's own excepted)", () => {
    const handlers = walk("app").filter((f) => f.endsWith("/route.ts") && !f.includes("api/auth/"));
    expect(handlers.length).toBeGreaterThan(0);
    for (const f of handlers) {
      const m = [...read(f).matchAll(/withAuth(?:<[^>]*>)?\(\s*("([\w.]+)"|null)/g)];
      expect(m.length, `${f} uses withAuth`).toBeGreaterThan(0);
      for (const x of m) if (x[2]) expect(Object.keys(PERMISSIONS), f).toContain(x[2]);
    }
  });
});

describe("no role lists outside the map", () => {
  // Files that legitimately name roles: the map and the role definitions themselves; the block
  // scope (which messages a role sees) and the state machine's per-role moves; the demo seed,
  // the benchmarks and the CLIs that create accounts of a given role; the user form's rule
  // «a block head needs a block»; the curator's release rule (only after the call).
  const ALLOWED = [
    "lib/auth/permissions.ts",
    "lib/auth/roles.ts",
    "lib/messages/scope.ts",
    "lib/workflow/available-actions.ts",
    "lib/workflow/release-answer.ts",
    "lib/admin/users.ts",
    "lib/seed/",
    "lib/bench/",
    "lib/cli/",
    "lib/demo/",
  ];
  const ROLE = "(?:coordinator|block_head|block_curator|mcu_head|mcu_curator)";
  const PATTERNS = [
    new RegExp(`\\[\\s*"${ROLE}"\\s*,`), // ["coordinator", …]
    new RegExp(`role\\s*[!=]==\\s*"${ROLE}"`), // user.role === "coordinator"
    /\b(?:assertRole|requireRole)\(/, // the old per-call role lists
    new RegExp(`authorize\\(\\s*"${ROLE}"`),
  ];

  it("names roles only where the map, the scope or the state machine needs them", () => {
    const offenders: string[] = [];
    for (const f of [...walk("app"), ...walk("components"), ...walk("lib")]) {
      if (ALLOWED.some((a) => f === a || (a.endsWith("/") && f.startsWith(a)))) continue;
      const text = read(f);
      for (const re of PATTERNS) {
        const m = re.exec(text);
        if (m) offenders.push(`${f}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
