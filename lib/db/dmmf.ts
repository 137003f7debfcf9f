// Reads schema.prisma through Prisma's own schema parser (WebAssembly), so tooling and the
// schema-match test see the model exactly as Prisma does.
import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  type: string;
  nativeType: [string, string[]] | null;
  hasDefaultValue: boolean;
  default?: unknown;
  isUpdatedAt: boolean;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
};
export type DmmfIndex = {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  isDefinedOnField: boolean;
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string }[];
};
export type Dmmf = {
  datamodel: {
    enums: { name: string; values: { name: string }[] }[];
    models: DmmfModel[];
    indexes: DmmfIndex[];
  };
};

export function schemaPath(): string {
  return path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
}

export function readDmmf(file = schemaPath()): Dmmf {
  const prismaSchema = readFileSync(file, "utf8");
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
}

/** Fields declared `Unsupported("…")`, which the DMMF leaves out: model → [field, dbName, type, optional]. */
export function unsupportedFields(
  file = schemaPath(),
): { model: string; name: string; dbName: string; type: string; optional: boolean }[] {
  const text = readFileSync(file, "utf8");
  const out: { model: string; name: string; dbName: string; type: string; optional: boolean }[] = [];
  let model = "";
  for (const line of text.split("\n")) {
    const m = /^model\s+(\w+)/.exec(line);
    if (m) model = m[1];
    const u = /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/.exec(line);
    if (u && model) {
      const map = /@map\("([^"]+)"\)/.exec(u[4]);
      out.push({ model, name: u[1], dbName: map ? map[1] : u[1], type: u[2], optional: u[3] === "?" });
    }
  }
  return out;
}
