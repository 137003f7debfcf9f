// Turns the DMMF into the DDL Prisma's migrate would write for an empty database. Used to draft
// migration files by hand (createSql(readDmmf()) from ./dmmf; no script calls it) because Prisma's schema engine cannot run here;
// the schema-match test then checks the migrated database independently via the catalog.
import type { Dmmf, DmmfField, DmmfModel } from "./dmmf";

export const SCALAR_SQL: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "DOUBLE PRECISION",
  Boolean: "BOOLEAN",
  DateTime: "TIMESTAMP(3)",
  Json: "JSONB",
  Decimal: "DECIMAL(65,30)",
};

export const col = (f: DmmfField) => f.dbName ?? f.name;
export const tbl = (m: DmmfModel) => m.dbName ?? m.name;

export function sqlType(f: DmmfField): string {
  let t: string;
  if (f.kind === "enum") t = `"${f.type}"`;
  else if (f.nativeType) {
    const [name, args] = f.nativeType;
    t = name === "Timestamptz" ? `TIMESTAMPTZ(${args[0] ?? 6})` : name === "Date" ? "DATE" : name.toUpperCase();
  } else t = SCALAR_SQL[f.type];
  return f.isList ? `${t}[]` : t;
}

function defaultSql(f: DmmfField): string | null {
  const d = f.default as { name?: string } | string | number | boolean | unknown[] | undefined;
  if (d === undefined) return null;
  if (Array.isArray(d)) return d.length === 0 ? "ARRAY[]::" + sqlType(f) : null;
  if (typeof d === "object" && d && "name" in d) {
    if (d.name === "now") return "CURRENT_TIMESTAMP";
    return null; // autoincrement → SERIAL
  }
  if (typeof d === "string") return f.kind === "enum" ? `'${d}'` : `'${d.replace(/'/g, "''")}'`;
  return String(d);
}

export function createSql(dmmf: Dmmf): string {
  const out: string[] = [];
  for (const e of dmmf.datamodel.enums) {
    out.push(`-- CreateEnum\nCREATE TYPE "${e.name}" AS ENUM (${e.values.map((v) => `'${v.name}'`).join(", ")});\n`);
  }
  const models = dmmf.datamodel.models;
  const byName = new Map(models.map((m) => [m.name, m]));
  for (const m of models) {
    const lines: string[] = [];
    for (const f of m.fields) {
      if (f.kind === "object") continue;
      const auto = (f.default as { name?: string } | undefined)?.name === "autoincrement";
      let t = sqlType(f);
      if (auto) t = f.type === "BigInt" ? "BIGSERIAL" : "SERIAL";
      const def = defaultSql(f);
      lines.push(`    "${col(f)}" ${t}${f.isRequired ? " NOT NULL" : ""}${def ? ` DEFAULT ${def}` : ""}`);
    }
    const pk = m.primaryKey?.fields ?? m.fields.filter((f) => f.isId).map((f) => f.name);
    const pkCols = pk.map((n) => `"${col(m.fields.find((f) => f.name === n)!)}"`).join(",");
    lines.push(`\n    CONSTRAINT "${tbl(m)}_pkey" PRIMARY KEY (${pkCols})`);
    out.push(`-- CreateTable\nCREATE TABLE "${tbl(m)}" (\n${lines.join(",\n").replace(",\n\n", ",\n\n")}\n);\n`);
  }
  for (const ix of dmmf.datamodel.indexes) {
    if (ix.type === "id") continue;
    const m = byName.get(ix.model)!;
    const cols = ix.fields.map((x) => {
      const f = m.fields.find((f) => f.name === x.name);
      return f ? col(f) : x.name.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
    });
    const name = ix.dbName ?? `${tbl(m)}_${cols.join("_")}_${ix.type === "unique" ? "key" : "idx"}`;
    const using = ix.algorithm ? ` USING ${ix.algorithm.toUpperCase()}` : "";
    out.push(
      `-- CreateIndex\nCREATE ${ix.type === "unique" ? "UNIQUE " : ""}INDEX "${name}" ON "${tbl(m)}"${using}(${cols.map((c) => `"${c}"`).join(", ")});\n`,
    );
  }
  for (const m of models) {
    for (const f of m.fields) {
      if (f.kind !== "object" || !f.relationFromFields?.length) continue;
      const target = byName.get(f.type)!;
      const from = f.relationFromFields.map((n) => col(m.fields.find((x) => x.name === n)!));
      const to = f.relationToFields!.map((n) => col(target.fields.find((x) => x.name === n)!));
      const onDelete = f.relationOnDelete
        ? f.relationOnDelete.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase()
        : f.isRequired
          ? "RESTRICT"
          : "SET NULL";
      out.push(
        `-- AddForeignKey\nALTER TABLE "${tbl(m)}" ADD CONSTRAINT "${tbl(m)}_${from.join("_")}_fkey" FOREIGN KEY (${from.map((c) => `"${c}"`).join(", ")}) REFERENCES "${tbl(target)}"(${to.map((c) => `"${c}"`).join(", ")}) ON DELETE ${onDelete} ON UPDATE CASCADE;\n`,
      );
    }
  }
  return out.join("\n");
}
