// Layers point one way (docs/ARCHITECTURE.md, «Layers»): reads every .ts/.tsx file under app/,
// components/ and lib/ and fails, naming the file and the import, when
//   - lib/ imports from components/ or app/;
//   - components/ imports the database (lib/db, lib/db/*) or the Prisma client;
//   - a page, layout or other route file of app/ imports the database or the Prisma client
//     (pages call data functions in lib/ instead).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "components", "lib"];
// Generated Prisma code is not ours to layer; build output and dependencies are not source.
const SKIPPED = new Set(["lib/generated", "node_modules", ".next"]);
// Next.js route files that render: they must read through data functions.
const ROUTE_FILE = /(^|\/)(page|layout|template|loading|error|global-error|not-found|default)\.tsx?$/;

type Source = { file: string; text: string };
type Import = { spec: string; target: string | null };

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (SKIPPED.has(rel) || SKIPPED.has(entry.name)) continue;
    if (entry.isDirectory()) walk(rel, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const IMPORT_PATTERNS = [
  /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm, // import … from "x", export … from "x"
  /^\s*import\s*["']([^"']+)["']/gm, // import "x"
  /\bimport\(\s*["']([^"']+)["']\s*\)/g, // import("x")
  /\brequire\(\s*["']([^"']+)["']\s*\)/g, // require("x")
];

/** Every module a file imports, with the repository path it points to (null for packages). */
function importsOf({ file, text }: Source): Import[] {
  const specs = new Set<string>();
  for (const re of IMPORT_PATTERNS) for (const m of text.matchAll(re)) specs.add(m[1]);
  return [...specs].map((spec) => {
    let target: string | null = null;
    if (spec.startsWith("@/")) target = spec.slice(2);
    else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    return { spec, target: target?.replace(/\.(tsx?|jsx?|mjs)$/, "").replace(/\/index$/, "") ?? null };
  });
}

const under = (target: string | null, dir: string) =>
  target !== null && (target === dir || target.startsWith(`${dir}/`));
const isDatabase = ({ spec, target }: Import) =>
  under(target, "lib/db") ||
  under(target, "lib/generated/prisma") ||
  spec === "@prisma/client" ||
  spec.startsWith("@prisma/client/");

/** The broken rules, one line each: "<file>: imports "<spec>" — <rule>". */
function layerViolations(sources: Source[]): string[] {
  const found: string[] = [];
  for (const source of sources) {
    const { file } = source;
    for (const imp of importsOf(source)) {
      let rule: string | null = null;
      if (under(file, "lib") && (under(imp.target, "components") || under(imp.target, "app")))
        rule = "lib/ must not import components/ or app/";
      else if (under(file, "components") && isDatabase(imp))
        rule = "components/ must not import the database or Prisma";
      else if (under(file, "app") && ROUTE_FILE.test(file) && isDatabase(imp))
        rule = "pages and layouts read through data functions in lib/, not the database or Prisma";
      if (rule) found.push(`${file}: imports "${imp.spec}" — ${rule}`);
    }
  }
  return found;
}

describe("layers", () => {
  it("imports point one way: app → components → lib", () => {
    const files = SCANNED.flatMap((dir) => walk(dir));
    expect(files.length).toBeGreaterThan(100);
    const violations = layerViolations(
      files.map((file) => ({ file, text: readFileSync(path.join(ROOT, file), "utf8") })),
    );
    expect(violations, `Layer violations:\n${violations.join("\n")}`).toEqual([]);
  });

  it("catches each kind of violation", () => {
    const violations = layerViolations([
      {
        file: "lib/routing/action-state.ts",
        text: 'import "server-only";\nimport type { ActionState } from "@/components/workflow/action-state";\n',
      },
      { file: "lib/x/y.test.ts", text: 'import {\n  Page,\n} from "../../app/(desk)/page";\n' },
      {
        file: "components/a/b.tsx",
        text: 'import { db } from "@/lib/db";\nimport type { Prisma } from "@/lib/generated/prisma/client";\n',
      },
      { file: "components/a/c.tsx", text: 'const pool = await import("@/lib/db/pg-pool");\n' },
      { file: "app/(desk)/admin/page.tsx", text: 'import { db } from "@/lib/db";\n' },
      { file: "app/(desk)/layout.tsx", text: 'export { PrismaClient } from "@prisma/client";\n' },
      // Allowed: lib importing lib, components importing lib, a server action or route handler using lib.
      {
        file: "lib/a.ts",
        text: 'import { db } from "@/lib/db";\nimport { x } from "./components";\n// from "@/components/not-an-import"\n',
      },
      {
        file: "components/ok.tsx",
        text: 'import { formatDate } from "@/lib/format";\nimport type { ActionState } from "@/lib/actions/action-state";\n',
      },
      { file: "app/(desk)/page-helpers.ts", text: 'import { db } from "@/lib/db";\n' },
    ]);
    expect(violations).toEqual([
      'lib/routing/action-state.ts: imports "@/components/workflow/action-state" — lib/ must not import components/ or app/',
      'lib/x/y.test.ts: imports "../../app/(desk)/page" — lib/ must not import components/ or app/',
      'components/a/b.tsx: imports "@/lib/db" — components/ must not import the database or Prisma',
      'components/a/b.tsx: imports "@/lib/generated/prisma/client" — components/ must not import the database or Prisma',
      'components/a/c.tsx: imports "@/lib/db/pg-pool" — components/ must not import the database or Prisma',
      'app/(desk)/admin/page.tsx: imports "@/lib/db" — pages and layouts read through data functions in lib/, not the database or Prisma',
      'app/(desk)/layout.tsx: imports "@prisma/client" — pages and layouts read through data functions in lib/, not the database or Prisma',
    ]);
  });
});
