// The report builder: every figure against a direct hand-written SQL over the same messages,
// each cell's queue link lists exactly the cell's messages, bad configurations are refused in
// words, and saved reports are private until shared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgPool } from "@/lib/db/pg-pool";
import { db } from "@/lib/db";
import { runReport, type ReportCell, type ReportResult } from "@/lib/analytics/report";
import { rollupCanAnswer } from "@/lib/analytics/report-rollup";
import { refreshDashboardRollup } from "@/lib/analytics/dashboard-rollup";
import { MEASURES, type Dimension, type Measure, type ReportConfig } from "@/lib/analytics/report-config";
import { queueHref } from "@/lib/analytics/report-format";
import { reportCsv, reportMatrix, reportXlsx } from "@/lib/analytics/report-export";
import {
  copyReport,
  deleteReport,
  getSavedReport,
  listSavedReports,
  renameReport,
  saveReport,
  setReportShared,
} from "@/lib/analytics/report-saved";
import { listQueue } from "@/lib/queue/list-queue";
import { addDaysLocal, localDateOf } from "@/lib/deadlines/time";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, makeMessage, makeUser, userOf } from "./workflow-support";

const TODAY = localDateOf(new Date());
const FROM = addDaysLocal(TODAY, -400);
const PERIOD = { from: FROM, to: TODAY };
/** Half-open UTC bounds of the period in Sakhalin days (UTC+11), written out by hand. */
const START = new Date(`${FROM}T00:00:00+11:00`);
const END = new Date(`${addDaysLocal(TODAY, 1)}T00:00:00+11:00`);

/** Each measure written out independently of lib/analytics/measures.ts. */
const MEASURE_SQL: Record<Measure, string> = {
  count: "count(*)",
  on_time: `sum(CASE WHEN answered_at IS NOT NULL AND due_at IS NOT NULL AND answered_at <= due_at THEN 1 ELSE 0 END)::float8
            / nullif(sum(CASE WHEN answered_at IS NOT NULL AND due_at IS NOT NULL THEN 1 ELSE 0 END), 0)`,
  satisfaction: "sum(CASE WHEN rating_satisfied THEN 1 ELSE 0 END)::float8 / nullif(count(rating_satisfied), 0)",
  median_hours:
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - registered_at) / 3600) FILTER (WHERE answered_at IS NOT NULL)",
  answered: "count(answered_at)",
  reopened: "sum(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END)",
};

/** The display key of each dimension as plain SQL over messages m (joined bc for curators). */
const DIM_SQL: Record<Exclude<Dimension, "locality">, string> = {
  topic: "(SELECT name FROM topics WHERE id = m.topic_id)",
  block: "(SELECT short_name FROM blocks WHERE id = m.block_id)",
  channel: "m.channel::text",
  status: "m.status::text",
  regime: "m.regime::text",
  month: "to_char((m.registered_at AT TIME ZONE 'UTC') + interval '11 hours', 'YYYY-MM')",
  curator: "(SELECT full_name FROM users WHERE id = bc.user_id)",
};

async function direct(
  measure: Measure,
  dims: Exclude<Dimension, "locality">[],
  extraWhere = "TRUE",
): Promise<Map<string, number | null>> {
  const join = dims.includes("curator") ? "LEFT JOIN block_curators bc ON bc.block_id = m.block_id" : "";
  const keys = dims.map((d, i) => `${DIM_SQL[d]} AS k${i}`);
  const r = await pgPool().query(
    `SELECT ${[...keys, `(${MEASURE_SQL[measure]})::float8 AS v`].join(", ")}
     FROM messages m ${join} WHERE m.registered_at >= $1 AND m.registered_at < $2 AND ${extraWhere}
     ${dims.length ? `GROUP BY ${dims.map((_, i) => i + 1).join(", ")}` : ""}`,
    [START, END],
  );
  return new Map(
    r.rows.map((row) => [
      JSON.stringify(dims.map((_, i) => row[`k${i}`] ?? null)),
      row.v == null ? null : Number(row.v),
    ]),
  );
}

const CHANNEL_NAMES: Record<string, string> = {
  pos: "ПОС «Решаем вместе»",
  incident: "Инцидент Менеджмент",
  smls: "СМ ЛС",
  sakhalin: "Сахалин.Онлайн",
};
const NULL_LABELS = new Set(["Без темы", "Без блока", "Без куратора"]);

/** The report's cells keyed like direct(): display names of the values (codes for enums). */
function reportCells(r: ReportResult): {
  keyed: Map<string, ReportCell>;
  rowTotals: Map<string, ReportCell>;
  colTotals: Map<string, ReportCell>;
} {
  const keyOf = (h: { dimension: Dimension; key: string | null; label: string }) =>
    h.key == null
      ? null
      : h.dimension === "topic" || h.dimension === "block" || h.dimension === "curator"
        ? h.label
        : h.key;
  const keyed = new Map<string, ReportCell>();
  const rowTotals = new Map<string, ReportCell>();
  const colTotals = new Map<string, ReportCell>();
  for (const row of r.rows) {
    const rk = row.headers.map(keyOf);
    rowTotals.set(JSON.stringify(rk), row.total);
    row.cells.forEach((cell, j) => keyed.set(JSON.stringify([...rk, keyOf(r.columns[j])]), cell));
  }
  r.totals?.cells.forEach((cell, j) => colTotals.set(JSON.stringify([keyOf(r.columns[j])]), cell));
  return { keyed, rowTotals, colTotals };
}

function expectSame(actual: number | null | undefined, expected: number | null | undefined, what: string) {
  if (expected == null) expect(actual ?? null, what).toBeNull();
  else expect(actual, what).toBeCloseTo(expected, 9);
}

let coordinator: Awaited<ReturnType<typeof userOf>>;

beforeAll(async () => {
  await ensureSeeded();
  coordinator = await userOf("coordinator");
  // A message with no topic/block, one with a locality that starts like a formula, one on a
  // month boundary: 2026-01-31 14:30 UTC is 1 February 01:30 in Sakhalin.
  const a = await makeMessage({ channel: "incident" });
  await db().message.update({
    where: { id: a.id },
    data: { topicId: null, blockId: null, locality: '=HYPERLINK("x")' },
  });
  const b = await makeMessage({ channel: "pos", registeredAt: new Date("2026-01-31T14:30:00Z") });
  await db().message.update({
    where: { id: b.id },
    data: { answeredAt: new Date("2026-02-03T10:00:00Z"), ratingSatisfied: true, lastRating: 5 },
  });
  // Reports over topic/block/channel/month/curator read the dashboard rollup, which the worker keeps
  // up to date: here it is brought up to date once the test data is written.
  await refreshDashboardRollup();
});

describe("runReport figures", () => {
  it("each measure × a two-dimension report (rows and column) equals a direct SQL, cells and totals", async () => {
    for (const measure of MEASURES) {
      const r = await runReport(coordinator, {
        rows: ["topic"],
        columns: ["channel"],
        measures: [measure],
        filters: PERIOD,
      });
      const { keyed, rowTotals, colTotals } = reportCells(r);
      const cells = await direct(measure, ["topic", "channel"]);
      expect(cells.size).toBeGreaterThan(10);
      for (const [k, v] of cells) expectSame(keyed.get(k)?.values[measure], v, `${measure} ${k}`);
      // Combinations without messages are shown empty (0 or «—»), never invented.
      for (const [k, cell] of keyed) if (!cells.has(k)) expect(cell.n, k).toBe(0);
      for (const [k, v] of await direct(measure, ["topic"]))
        expectSame(rowTotals.get(k)?.values[measure], v, `${measure} row ${k}`);
      for (const [k, v] of await direct(measure, ["channel"]))
        expectSame(colTotals.get(k)?.values[measure], v, `${measure} col ${k}`);
      expectSame(r.totals?.total.values[measure], (await direct(measure, [])).get("[]"), `${measure} total`);
    }
  });

  it("two row dimensions (block → status) with four measures at once; month by Sakhalin time", async () => {
    const measures: Measure[] = ["count", "on_time", "satisfaction", "median_hours"];
    const r = await runReport(coordinator, { rows: ["block", "status"], measures, filters: PERIOD });
    const { rowTotals } = reportCells(r);
    for (const m of measures) {
      const expected = await direct(m, ["block", "status"]);
      expect(rowTotals.size).toBe(expected.size);
      for (const [k, v] of expected) expectSame(rowTotals.get(k)?.values[m], v, `${m} ${k}`);
    }
    const months = await runReport(coordinator, {
      rows: ["month"],
      columns: "regime",
      measures: ["count"],
      filters: PERIOD,
    });
    const mc = reportCells(months);
    for (const [k, v] of await direct("count", ["month", "regime"])) expectSame(mc.keyed.get(k)?.values.count, v, k);
    expect(months.rows.map((row) => row.headers[0].key)).toContain("2026-02");
    expect(months.rows.find((row) => row.headers[0].key === "2026-02")?.headers[0].label).toBe("Февраль 2026");
    // Months run in order.
    const keys = months.rows.map((row) => row.headers[0].key!);
    expect([...keys].sort()).toEqual(keys);
  });

  it("curator: a block with two curators counts under each, the totals count each message once", async () => {
    // A curator of its own: giving a demo curator another block would change what that account
    // sees for any other test reading it meanwhile.
    const second = await makeUser({ role: "block_curator", fullName: "Второй Куратор ЖКХ" });
    const zhkh = await db().block.findUniqueOrThrow({ where: { code: "zhkh" }, select: { id: true } });
    await db().blockCurator.create({ data: { blockId: zhkh.id, userId: second.id } });
    try {
      const r = await runReport(coordinator, {
        rows: ["curator"],
        columns: ["channel"],
        measures: ["count", "median_hours"],
        filters: PERIOD,
      });
      const { keyed, rowTotals, colTotals } = reportCells(r);
      for (const m of ["count", "median_hours"] as const) {
        for (const [k, v] of await direct(m, ["curator", "channel"]))
          expectSame(keyed.get(k)?.values[m], v, `${m} ${k}`);
        for (const [k, v] of await direct(m, ["curator"])) expectSame(rowTotals.get(k)?.values[m], v, `${m} ${k}`);
        // Column totals and the grand total: over messages, not over (message, curator) pairs.
        for (const [k, v] of await direct(m, ["channel"])) expectSame(colTotals.get(k)?.values[m], v, `${m} col ${k}`);
      }
      const sumOfRows = r.rows.reduce((s, row) => s + (row.total.values.count ?? 0), 0);
      const total = r.totals!.total.values.count!;
      const zhkhCount = (await direct("count", [], `m.block_id = ${zhkh.id}`)).get("[]")!;
      expect(sumOfRows - total).toBe(zhkhCount);
      expect(total).toBe(r.messageCount);
      // The curator's cell opens the queue with the curator filter and lists the same messages.
      const row = r.rows.find((x) => x.headers[0].key === String(second.id))!;
      const href = queueHref(row.total.queue, "count")!;
      const listed = await listQueue(coordinator, Object.fromEntries(new URLSearchParams(href.split("?")[1])));
      expect(listed.count).toBe(row.total.values.count);
    } finally {
      await db().blockCurator.delete({ where: { blockId_userId: { blockId: zhkh.id, userId: second.id } } });
      await db().user.update({ where: { id: second.id }, data: { active: false } });
    }
  });

  it("locality: the top 25 by count, the rest summed as «прочие», missing ones apart", async () => {
    const r = await runReport(coordinator, { rows: ["locality"], measures: ["count"], filters: PERIOD });
    const all = await pgPool().query<{ loc: string | null; n: number }>(
      `SELECT nullif(btrim(locality), '') AS loc, count(*)::int AS n FROM messages m
       WHERE m.registered_at >= $1 AND m.registered_at < $2 GROUP BY 1 ORDER BY (nullif(btrim(locality), '') IS NULL), 2 DESC, 1`,
      [START, END],
    );
    const named = all.rows.filter((x) => x.loc != null);
    const top = named.slice(0, 25);
    const rest = named.slice(25).reduce((s, x) => s + x.n, 0);
    const missing = all.rows.find((x) => x.loc == null)?.n ?? 0;
    const byLabel = new Map(r.rows.map((row) => [row.headers[0].label, row.total.values.count]));
    for (const x of top) expect(byLabel.get(x.loc!), x.loc!).toBe(x.n);
    expect(byLabel.get("Прочие населённые пункты") ?? 0).toBe(rest);
    expect(byLabel.get("Не указан") ?? 0).toBe(missing);
    expect(r.rows.length).toBe(top.length + (rest ? 1 : 0) + (missing ? 1 : 0));
  });

  it("each cell's queue link lists exactly the cell's messages (topic × channel, block, month)", async () => {
    const r = await runReport(coordinator, {
      rows: ["topic", "month"],
      columns: ["channel"],
      measures: ["count", "answered"],
      filters: PERIOD,
    });
    let checked = 0;
    for (const row of r.rows.slice(0, 6)) {
      for (const cell of [...row.cells, row.total]) {
        if (cell.n === 0) continue;
        const labels = row.headers.map((h) => h.label);
        if (labels.some((l) => NULL_LABELS.has(l))) {
          expect(cell.queue).toBeNull();
          continue;
        }
        for (const m of ["count", "answered"] as const) {
          const href = queueHref(cell.queue, m)!;
          const listed = await listQueue(coordinator, Object.fromEntries(new URLSearchParams(href.split("?")[1])));
          expect(listed.count, `${labels} ${m} ${href}`).toBe(cell.values[m]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("filters narrow the messages like the queue's filters; an empty period is an empty report", async () => {
    const r = await runReport(coordinator, {
      rows: ["topic"],
      measures: ["count"],
      filters: { ...PERIOD, channel: "pos", block: "zhkh" },
    });
    const expected = await direct(
      "count",
      ["topic"],
      "m.channel = 'pos' AND m.block_id = (SELECT id FROM blocks WHERE code = 'zhkh')",
    );
    const { rowTotals } = reportCells(r);
    expect(rowTotals.size).toBe(expected.size);
    for (const [k, v] of expected) expect(rowTotals.get(k)?.values.count).toBe(v);
    const empty = await runReport(coordinator, {
      rows: ["topic"],
      columns: ["channel"],
      measures: ["count"],
      filters: { from: "2020-01-01", to: "2020-12-31" },
    });
    expect(empty.messageCount).toBe(0);
    expect(empty.rows).toEqual([]);
    expect(empty.totals).toBeNull();
    const none = await runReport(coordinator, { measures: ["count", "satisfaction"], filters: PERIOD });
    expect(none.rows).toHaveLength(1);
    expect(none.rows[0].total.values.count).toBe((await direct("count", [])).get("[]"));
  });
});

describe("runReport reads the rollup when it can", () => {
  it("uses the rollup for rollup dimensions and measures only, and both paths give the same figures", async () => {
    const base = {
      rows: ["topic"],
      columns: ["channel"],
      measures: ["count", "on_time"],
      filters: PERIOD,
    } as ReportConfig;
    expect(rollupCanAnswer(coordinator, base, ["topic", "channel"])).toBe(true);
    expect(rollupCanAnswer(coordinator, { ...base, measures: ["median_hours"] }, ["topic", "channel"])).toBe(false);
    expect(
      rollupCanAnswer(coordinator, { ...base, filters: { ...PERIOD, status: "closed" } }, ["topic", "channel"]),
    ).toBe(false);
    expect(rollupCanAnswer(coordinator, base, ["locality"])).toBe(false);
    // Same rows and columns: the rollup path against the live path (a median forces it).
    const fast = await runReport(coordinator, { ...base, measures: ["count", "on_time", "satisfaction", "answered"] });
    const fast2 = await runReport(coordinator, { ...base, measures: ["reopened"] });
    const live = await runReport(coordinator, {
      ...base,
      measures: ["count", "on_time", "satisfaction", "median_hours"],
    });
    const live2 = await runReport(coordinator, { ...base, measures: ["answered", "reopened", "median_hours"] });
    const [a, a2, b, b2] = [fast, fast2, live, live2].map(reportCells);
    expect(a.keyed.size).toBeGreaterThan(3);
    expect(a.keyed.size).toBe(b.keyed.size);
    for (const [k, cell] of a.keyed) {
      for (const m of ["count", "on_time", "satisfaction"] as const)
        expectSame(cell.values[m], b.keyed.get(k)?.values[m], `${k} ${m}`);
      expectSame(cell.values.answered, b2.keyed.get(k)?.values.answered, `${k} answered`);
      expectSame(a2.keyed.get(k)?.values.reopened, b2.keyed.get(k)?.values.reopened, `${k} reopened`);
    }
    const liveCount = live;
    expect(fast.messageCount).toBe(liveCount.messageCount);
  });
});

describe("runReport refuses bad configurations in words", () => {
  const ok: ReportConfig = { rows: ["topic"], columns: ["channel"], measures: ["count"], filters: PERIOD };
  const cases: [string, unknown, RegExp][] = [
    ["SQL in a dimension", { ...ok, rows: ["topic; DROP TABLE messages; --"] }, /Неизвестное измерение/],
    ["SQL in a measure", { ...ok, measures: ["count(*) FROM users --"] }, /Неизвестный показатель/],
    [
      "SQL in a column",
      { ...ok, columns: ["channel) UNION SELECT password_hash FROM users --"] },
      /Неизвестное измерение/,
    ],
    ["SQL in a topic filter", { ...ok, filters: { ...PERIOD, topic: "x' OR '1'='1" } }, /Недопустимый код/],
    ["SQL in a date", { ...ok, filters: { from: "2026-01-01'; DROP TABLE messages; --", to: TODAY } }, /ГГГГ-ММ-ДД/],
    ["an unknown filter", { ...ok, filters: { ...PERIOD, sql: "1=1" } }, /Неизвестный фильтр/],
    ["an unknown key", { ...ok, where: "1=1" }, /Неизвестный параметр/],
    ["three row dimensions", { ...ok, rows: ["topic", "block", "status"] }, /не больше двух/],
    ["two columns", { ...ok, rows: [], columns: ["topic", "block"] }, /не больше одного/],
    ["the same dimension twice", { ...ok, rows: ["channel"], columns: ["channel"] }, /и в строках, и в столбцах/],
    ["no measure", { ...ok, measures: [] }, /хотя бы один показатель/],
    ["five measures", { ...ok, measures: ["count", "on_time", "satisfaction", "median_hours", "answered"] }, /четырёх/],
    ["an impossible date", { ...ok, filters: { from: "2026-02-30", to: TODAY } }, /нет в календаре/],
    ["a reversed period", { ...ok, filters: { from: TODAY, to: FROM } }, /позже/],
    ["a ten-year period", { ...ok, filters: { from: "2016-01-01", to: TODAY } }, /трёх лет/],
    ["no period", { ...ok, filters: undefined }, /период/],
    ["not an object", "rows=topic", /неверно/],
  ];
  it.each(cases)("%s", async (_what, config, message) => {
    await expectAppError(runReport(coordinator, config), "invalid_input", message);
  });

  it("the tables are still there and only report roles may run reports", async () => {
    expect((await pgPool().query("SELECT count(*)::int AS n FROM messages")).rows[0].n).toBeGreaterThan(300);
    await expectAppError(runReport(await userOf("head_zhkh"), ok), "forbidden");
    await expectAppError(runReport(await userOf("curator_city"), ok), "forbidden");
    for (const login of ["mcu_curator", "mcu_head"])
      expect((await runReport(await userOf(login), ok)).messageCount).toBeGreaterThan(300);
  });
});

describe("export", () => {
  it("CSV for Russian Excel and XLSX carry the same figures as the report", async () => {
    const r = await runReport(coordinator, {
      rows: ["locality"],
      columns: ["channel"],
      measures: ["count", "on_time"],
      filters: PERIOD,
    });
    // A resident-typed name that looks like a formula (other tests' localities may push the seeded
    // one out of the top 25, so the first row gets it here).
    r.rows[0].headers[0] = { ...r.rows[0].headers[0], label: '=HYPERLINK("x")' };
    const m = reportMatrix(r);
    const csv = reportCsv(r);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0].split(";")[0]).toBe("Населённый пункт");
    expect(lines[0]).toContain(`${CHANNEL_NAMES.pos} · В срок, %`);
    expect(lines).toHaveLength(r.rows.length + 2);
    expect(lines.at(-1)!.split(";")[0]).toBe("Итого");
    // A resident's text never becomes a formula.
    expect(csv).not.toMatch(/(^|;)=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
    const share = r.totals!.total.values.on_time!;
    expect(lines.at(-1)!.split(";").at(-1)).toBe((share * 100).toFixed(1).replace(".", ","));

    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(r, "Проверка")) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Отчёт")!;
    expect(ws.getRow(1).getCell(1).value).toBe("Населённый пункт");
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.rowCount).toBe(m.rows.length + 1);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe("Итого");
    expect(last.getCell(m.columns.length).value).toBeCloseTo(share, 12);
    expect(last.getCell(m.columns.length).numFmt).toBe("0.0 %");
    expect(last.getCell(m.columns.length - 1).value).toBe(r.totals!.total.values.count);
    expect(wb.getWorksheet("Параметры")!.getRow(1).getCell(2).value).toBe("Проверка");
  });
});

describe("saved reports", () => {
  const config: ReportConfig = {
    rows: ["topic"],
    columns: ["channel"],
    measures: ["count", "on_time"],
    filters: PERIOD,
  };
  const ids: number[] = [];
  afterAll(async () => {
    await db().savedReport.deleteMany({ where: { id: { in: ids } } });
  });

  it("a private report is invisible to others; sharing shows it read-only; only the owner changes it", async () => {
    const owner = await userOf("mcu_curator");
    const other = await userOf("coordinator");
    const saved = await saveReport(owner, { name: "  Темы по каналам  ", config });
    ids.push(saved.id);
    expect(saved).toMatchObject({ name: "Темы по каналам", shared: false, config });
    expect((await listSavedReports(owner)).own.map((r) => r.id)).toContain(saved.id);
    expect((await listSavedReports(other)).shared.map((r) => r.id)).not.toContain(saved.id);
    await expectAppError(getSavedReport(other, saved.id), "not_found");
    await expectAppError(renameReport(other, { id: saved.id, name: "чужое" }), "not_found");
    await expectAppError(setReportShared(other, { id: saved.id, shared: true }), "not_found");
    await expectAppError(deleteReport(other, saved.id), "not_found");
    await expectAppError(copyReport(other, saved.id), "not_found");

    await setReportShared(owner, { id: saved.id, shared: true });
    const seen = await listSavedReports(other);
    expect(seen.shared.find((r) => r.id === saved.id)).toMatchObject({
      name: "Темы по каналам",
      ownerName: expect.any(String),
      config,
    });
    expect(await getSavedReport(other, saved.id)).toMatchObject({ own: false, config });
    // Shared is read-only for others.
    await expectAppError(renameReport(other, { id: saved.id, name: "чужое" }), "not_found");
    await expectAppError(deleteReport(other, saved.id), "not_found");
    const copy = await copyReport(other, saved.id);
    ids.push(copy.id);
    expect(copy).toMatchObject({ name: "Копия: Темы по каналам", shared: false, config });
    const copy2 = await copyReport(other, saved.id);
    ids.push(copy2.id);
    expect(copy2.name).toBe("Копия: Темы по каналам (2)");

    const renamed = await renameReport(owner, { id: saved.id, name: "Темы и каналы" });
    expect(renamed.name).toBe("Темы и каналы");
    const again = await saveReport(owner, { name: "Другой", config: { ...config, measures: ["count"] } });
    ids.push(again.id);
    await expectAppError(renameReport(owner, { id: again.id, name: "Темы и каналы" }), "conflict", /уже есть/);
    // Saving under an existing name replaces that report's configuration.
    const replaced = await saveReport(owner, { name: "Другой", config: { ...config, measures: ["satisfaction"] } });
    expect(replaced.id).toBe(again.id);
    expect(replaced.config?.measures).toEqual(["satisfaction"]);

    await setReportShared(owner, { id: saved.id, shared: false });
    await expectAppError(getSavedReport(other, saved.id), "not_found");
    await deleteReport(owner, saved.id);
    await expectAppError(getSavedReport(owner, saved.id), "not_found");
    const actions = (
      await db().auditLog.findMany({
        where: { entity: "saved_report", entityId: String(saved.id) },
        select: { action: true },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["report_saved", "report_shared", "report_renamed", "report_unshared", "report_deleted"]),
    );
  });

  it("refuses a bad name or configuration and users without reports", async () => {
    const owner = await userOf("mcu_head");
    await expectAppError(saveReport(owner, { name: " ", config }), "invalid_input", /название/);
    await expectAppError(
      saveReport(owner, { name: "x", config: { ...config, rows: ["1; DROP TABLE users"] } }),
      "invalid_input",
      /измерение/,
    );
    await expectAppError(listSavedReports(await userOf("head_edu")), "forbidden");
  });
});
