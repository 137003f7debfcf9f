// Proves the database built by our hand-written migrations matches prisma/schema.prisma as Prisma
// reads it: tables, columns, types, nullability, enums, indexes and foreign keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { readDmmf, unsupportedFields, type DmmfField } from "@/lib/db/dmmf";
import { listMigrations } from "@/lib/db/migrate";

const dmmf = readDmmf();
const models = dmmf.datamodel.models;
const col = (f: DmmfField) => f.dbName ?? f.name;
const UDT: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Decimal: "numeric",
};
function expectedUdt(f: DmmfField): string {
  let t = f.kind === "enum" ? f.type : UDT[f.type];
  if (f.nativeType) t = f.nativeType[0].toLowerCase();
  return f.isList ? `_${t}` : t;
}

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => client.end());

describe("migrated database matches schema.prisma", () => {
  it("records every migration in _prisma_migrations as Prisma does", async () => {
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = listMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, r] of rows.entries()) {
      expect(r.checksum).toBe(files[i].checksum);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("has exactly the enums of the schema", async () => {
    const { rows } =
      await client.query(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it("has exactly the tables and columns of the schema, with types and nullability", async () => {
    const { rows } = await client.query(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const tables = new Set(rows.map((r) => r.table_name));
    tables.delete("_prisma_migrations");
    expect([...tables].sort()).toEqual(models.map((m) => m.dbName ?? m.name).sort());
    const unsupported = unsupportedFields();
    for (const m of models) {
      const table = m.dbName ?? m.name;
      const actual = new Map(rows.filter((r) => r.table_name === table).map((r) => [r.column_name, r]));
      const expectedCols = m.fields.filter((f) => f.kind !== "object");
      const extra = unsupported.filter((u) => u.model === m.name);
      expect([...actual.keys()].sort(), table).toEqual(
        [...expectedCols.map(col), ...extra.map((u) => u.dbName)].sort(),
      );
      for (const f of expectedCols) {
        const a = actual.get(col(f))!;
        expect(`${table}.${col(f)}:${a.udt_name}`).toBe(`${table}.${col(f)}:${expectedUdt(f)}`);
        expect(`${table}.${col(f)} nullable=${a.is_nullable}`).toBe(
          `${table}.${col(f)} nullable=${f.isRequired ? "NO" : "YES"}`,
        );
      }
      for (const u of extra) {
        const a = actual.get(u.dbName)!;
        expect(a.udt_name).toBe(u.type);
        expect(a.is_nullable).toBe(u.optional ? "YES" : "NO");
      }
    }
  });

  it("has every index of the schema (columns, order, uniqueness, method)", async () => {
    const { rows } =
      await client.query(`SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS uniq, ix.indisprimary AS prim, am.amname AS method,
        array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols
      FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`);
    const sig = (table: string, cols: string[], uniq: boolean, method: string) =>
      `${table}(${cols.join(",")}) ${uniq ? "unique" : "plain"} ${method}`;
    const actual = new Set(
      rows.filter((r) => r.table_name !== "_prisma_migrations").map((r) => sig(r.table_name, r.cols, r.uniq, r.method)),
    );
    const expected = new Set<string>();
    const unsupported = unsupportedFields();
    for (const ix of dmmf.datamodel.indexes) {
      const m = models.find((x) => x.name === ix.model)!;
      const cols = ix.fields.map((x) => {
        const f = m.fields.find((f) => f.name === x.name);
        return f ? col(f) : unsupported.find((u) => u.model === m.name && u.name === x.name)!.dbName;
      });
      expected.add(sig(m.dbName ?? m.name, cols, ix.type !== "normal", (ix.algorithm ?? "btree").toLowerCase()));
    }
    expect([...actual].sort()).toEqual([...expected].sort());
  });

  it("has every foreign key of the schema", async () => {
    const { rows } =
      await client.query(`SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS ref_table,
        array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols,
        array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS ref_cols
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`);
    const unq = (s: string) => s.replace(/"/g, "");
    const actual = rows.map((r) => `${unq(r.table_name)}(${r.cols}) -> ${unq(r.ref_table)}(${r.ref_cols})`).sort();
    const expected: string[] = [];
    for (const m of models) {
      for (const f of m.fields) {
        if (f.kind !== "object" || !f.relationFromFields?.length) continue;
        const target = models.find((x) => x.name === f.type)!;
        const from = f.relationFromFields.map((n) => col(m.fields.find((x) => x.name === n)!));
        const to = f.relationToFields!.map((n) => col(target.fields.find((x) => x.name === n)!));
        expected.push(`${m.dbName ?? m.name}(${from}) -> ${target.dbName ?? target.name}(${to})`);
      }
    }
    expect(actual).toEqual(expected.sort());
  });

  it("keeps the status history append-only", async () => {
    const u = await client.query(
      `INSERT INTO users (login, password_hash, full_name, role, active, updated_at) VALUES ('append_only_probe', 'x', 'x', 'mcu_curator', false, now()) RETURNING id`,
    );
    const m = await client.query(
      `INSERT INTO messages (channel, external_id, regime, text_raw, text_clean, source_created_at, updated_at) VALUES ('pos', 'append-only-probe', 'pos_message', 'x', 'x', now(), now()) RETURNING id`,
    );
    await client.query(`INSERT INTO message_events (message_id, kind, actor_id) VALUES ($1, 'created', $2)`, [
      m.rows[0].id,
      u.rows[0].id,
    ]);
    await expect(
      client.query(`UPDATE message_events SET reason = 'changed' WHERE message_id = $1`, [m.rows[0].id]),
    ).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM message_events WHERE message_id = $1`, [m.rows[0].id])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("partial index of open messages", () => {
  it("lists exactly the open statuses the code uses", async () => {
    const { OPEN_STATUSES } = await import("@/lib/messages/labels");
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      const { rows } = await c.query<{ def: string }>(
        `SELECT pg_get_expr(indpred, indrelid) AS def FROM pg_index WHERE indexrelid = 'messages_open_registered_idx'::regclass`,
      );
      const listed = [...rows[0].def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
      expect(listed).toEqual([...OPEN_STATUSES].sort());
    } finally {
      await c.end();
    }
  });
});
