// The coordinator's queue: each filter and preset count against a direct SQL count, Russian
// full-text search, saved views and the bulk actions (one transaction per message).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { indexPendingSearch } from "@/lib/search/index-pending";
import { COUNT_CAP, listQueue, SEARCH_COUNT_CAP } from "@/lib/queue/list-queue";
import { queuePresetCounts } from "@/lib/queue/preset-counts";
import { bulkAction } from "@/lib/queue/bulk-actions";
import { deleteSavedView, listSavedViews, saveView } from "@/lib/queue/saved-views";
import { OPEN_STATUSES } from "@/lib/messages/labels";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, makeMessage, userOf } from "./workflow-support";

beforeAll(async () => {
  await ensureSeeded();
});

async function exactCount(where: string, params: unknown[] = []): Promise<number> {
  const r = await pgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM messages m WHERE ${where}`, params);
  return r.rows[0].n;
}

/** What the list shows: counting stops at COUNT_CAP (the page then says «более 10 000»). */
async function sqlCount(where: string, params: unknown[] = []): Promise<number> {
  return Math.min(await exactCount(where, params), COUNT_CAP);
}

/** What a text search shows: counting stops at SEARCH_COUNT_CAP («более 1 000 — уточните поиск»). */
async function searchCount(q: string): Promise<number> {
  return Math.min(await exactCount(`search_vector @@ websearch_to_tsquery('russian', $1)`, [q]), SEARCH_COUNT_CAP);
}

/** What a preset badge gets: at most COUNT_CAP + 1, shown as «10 000+». */
async function presetCount(where: string, params: unknown[] = []): Promise<number> {
  return Math.min(await exactCount(where, params), COUNT_CAP + 1);
}

async function reindex() {
  const c = await pgPool().connect();
  try {
    await indexPendingSearch(c);
  } finally {
    c.release();
  }
}

describe("listQueue filters", () => {
  it("each filter returns exactly what a direct SQL count says, in the requested order", async () => {
    const u = await userOf("coordinator");
    const now = new Date();
    const curator = await userOf("curator_city");
    const [{ code: topic }] = await pgPool()
      .query<{ code: string }>(
        `SELECT t.code FROM topics t JOIN messages m ON m.topic_id = t.id GROUP BY t.code ORDER BY count(*) DESC LIMIT 1`,
      )
      .then((r) => r.rows);
    const cases: [Record<string, string>, string, unknown[]][] = [
      [{}, "TRUE", []],
      [{ channel: "pos" }, "channel = 'pos'", []],
      [{ status: "in_work" }, "status = 'in_work'", []],
      [{ regime: "fz59" }, "regime = 'fz59'", []],
      [{ topic }, "topic_id = (SELECT id FROM topics WHERE code = $1)", [topic]],
      [{ block: "zhkh" }, "block_id = (SELECT id FROM blocks WHERE code = 'zhkh')", []],
      [
        { curator: String(curator.id) },
        "block_id IN (SELECT block_id FROM block_curators WHERE user_id = $1)",
        [curator.id],
      ],
      [{ deadline: "overdue" }, "status::text = ANY($1) AND due_at < $2", [OPEN_STATUSES, now]],
      [{ deadline: "at_risk" }, "status::text = ANY($1) AND due_at >= $2 AND at_risk_at <= $2", [OPEN_STATUSES, now]],
      [
        { deadline: "ok" },
        "status::text = ANY($1) AND due_at >= $2 AND (at_risk_at IS NULL OR at_risk_at > $2)",
        [OPEN_STATUSES, now],
      ],
      // Asia/Sakhalin days: 2026-11-01 00:00 +11 … 2026-11-10 24:00 +11.
      [
        { from: "2026-11-01", to: "2026-11-10" },
        "registered_at >= '2026-10-31T13:00:00Z' AND registered_at < '2026-11-10T13:00:00Z'",
        [],
      ],
      [
        { channel: "pos", status: "routed", block: "zhkh" },
        "channel = 'pos' AND status = 'routed' AND block_id = (SELECT id FROM blocks WHERE code = 'zhkh')",
        [],
      ],
    ];
    for (const [params, where, args] of cases) {
      const r = await listQueue(u, { ...params, perPage: "100" }, now);
      const exact = await exactCount(where, args);
      expect(r.count, JSON.stringify(params)).toBe(Math.min(exact, COUNT_CAP));
      expect(r.countExact).toBe(exact <= COUNT_CAP);
      expect(r.data.length).toBe(Math.min(100, r.count));
    }
    const all = await listQueue(u, {}, now);
    const top = await pgPool().query<{ id: number }>(
      `SELECT id FROM messages ORDER BY registered_at DESC, id DESC LIMIT 50`,
    );
    expect(all.data.map((r) => r.id)).toEqual(top.rows.map((r) => r.id));
    const due = await listQueue(u, { sort: "due", page: "2", perPage: "20" }, now);
    const dueSql = await pgPool().query<{ id: number }>(
      `SELECT id FROM messages ORDER BY due_at ASC NULLS LAST, id ASC OFFSET 20 LIMIT 20`,
    );
    expect(due.data.map((r) => r.id)).toEqual(dueSql.rows.map((r) => r.id));
    const byId = await listQueue(u, { sort: "id", dir: "asc" }, now);
    expect(byId.data[0].id).toBe(
      (await pgPool().query<{ id: number }>(`SELECT min(id) AS id FROM messages`)).rows[0].id,
    );
  });

  it("bad URL values fall back to defaults instead of throwing", async () => {
    const u = await userOf("coordinator");
    const r = await listQueue(u, {
      page: "-3",
      perPage: "9999",
      sort: "drop",
      status: "nope",
      from: "2026-02-31",
      curator: "x",
      deadline: "soon",
    });
    expect(r).toMatchObject({ page: 1, perPage: 50 });
    expect(r.count).toBe(await sqlCount("TRUE"));
  });

  it("preset counts match direct SQL counts, and each preset lists what its count says", async () => {
    const u = await userOf("coordinator");
    const now = new Date();
    const counts = await queuePresetCounts(u, { now });
    const open = [OPEN_STATUSES, now];
    const expected = {
      new: await presetCount("status = 'new'"),
      review: await presetCount("needs_review AND status::text = ANY($1)", [OPEN_STATUSES]),
      at_risk: await presetCount("status::text = ANY($1) AND due_at >= $2 AND at_risk_at <= $2", open),
      overdue: await presetCount("status::text = ANY($1) AND due_at < $2", open),
      answer_review: await presetCount("status = 'answer_review'"),
      awaiting_contact: await presetCount("status = 'awaiting_contact'"),
      reopened: await presetCount("status = 'reopened'"),
    };
    expect(counts).toEqual(expected);
    for (const [preset, n] of Object.entries(expected)) {
      expect((await listQueue(u, { preset }, now)).count, preset).toBe(n);
    }
  });

  it("the coordinator and the МЦУ head work the queue; the МЦУ curator only reads it", async () => {
    for (const login of ["head_zhkh", "curator_city"]) {
      await expectAppError(listQueue(await userOf(login), {}), "forbidden");
      await expectAppError(queuePresetCounts(await userOf(login)), "forbidden");
    }
    expect((await listQueue(await userOf("mcu_head"), {})).count).toBe(await sqlCount("TRUE"));
    const viewer = await userOf("mcu_curator");
    expect((await listQueue(viewer, {})).count).toBe(await sqlCount("TRUE"));
    const [one] = (await listQueue(viewer, { status: "new" })).data;
    await expectAppError(bulkAction(viewer, { action: "spam", ids: [one.id], reason: "проверка прав" }), "forbidden");
  });

  it("click-through filters select exactly the messages their definitions name", async () => {
    const u = await userOf("coordinator");
    const cases: [Record<string, string>, string][] = [
      [{ rating: "satisfied" }, "rating_satisfied IS TRUE"],
      [{ rating: "dissatisfied" }, "rating_satisfied IS FALSE"],
      [{ rating: "rated" }, "rating_satisfied IS NOT NULL"],
      [{ ontime: "yes" }, "answered_at IS NOT NULL AND due_at IS NOT NULL AND answered_at <= due_at"],
      [{ ontime: "no" }, "answered_at IS NOT NULL AND due_at IS NOT NULL AND answered_at > due_at"],
      [{ answered: "yes" }, "answered_at IS NOT NULL"],
      [{ reopened: "yes" }, "reopen_count > 0"],
      [{ locality: "Холмск" }, "locality = 'Холмск'"],
    ];
    for (const [params, where] of cases) {
      const expected = await sqlCount(where);
      expect((await listQueue(u, params)).count, JSON.stringify(params)).toBe(expected);
    }
    expect(await sqlCount("rating_satisfied IS NOT NULL")).toBeGreaterThan(0);
  });
});

describe("full-text search", () => {
  it("finds Russian word forms, message numbers, and treats SQL-looking input as text", async () => {
    const u = await userOf("coordinator");
    const m = await makeMessage({ status: "new" });
    await db().message.update({
      where: { id: m.id },
      data: { title: "Провал асфальта", textClean: "Во дворе дома 7 огромная яма, машины проваливаются колесом." },
    });
    await pgPool().query(`UPDATE messages SET search_vector = NULL WHERE id = $1`, [m.id]);
    await reindex();
    const hits = await listQueue(u, { q: "ямы", perPage: "100" });
    expect(hits.data.map((r) => r.id)).toContain(m.id);
    const exactHits = await exactCount(`search_vector @@ websearch_to_tsquery('russian', $1)`, ["ямы"]);
    expect(hits.count).toBe(Math.min(exactHits, SEARCH_COUNT_CAP));
    expect(hits.countExact).toBe(exactHits <= SEARCH_COUNT_CAP);
    expect((await listQueue(u, { q: `№${m.id}` })).data.map((r) => r.id)).toEqual([m.id]);
    expect((await listQueue(u, { q: `"огромная яма" -троллейбус` })).data.map((r) => r.id)).toContain(m.id);

    const before = await sqlCount("TRUE");
    for (const q of [
      "'; DROP TABLE messages; --",
      "яма' OR 1=1 --",
      ") | (",
      "<script>alert(1)</script>",
      "\\x00 ::: &&& !!!",
    ]) {
      // The input is only ever a bound parameter of websearch_to_tsquery: no error, no injection.
      const r = await listQueue(u, { q });
      expect(r.count, q).toBe(await searchCount(q));
    }
    expect(await sqlCount("TRUE")).toBe(before);
  });

  it("looking at the newest messages first returns exactly the pages of a search over all of them", async () => {
    const u = await userOf("coordinator");
    await reindex();
    // The most frequent lexemes of the demo texts (so the window can fill a page) and rarer ones.
    const { rows: words } = await pgPool().query<{ word: string; ndoc: number }>(
      `SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM messages WHERE search_vector IS NOT NULL') ORDER BY ndoc DESC, word LIMIT 400`,
    );
    expect(words.length).toBeGreaterThan(20);
    const queries = [
      words[0].word,
      words[3].word,
      words[Math.floor(words.length / 2)].word,
      words[words.length - 1].word,
      `${words[0].word} ${words[5].word}`,
    ];
    const perPage = 10;
    const total = await exactCount("TRUE");
    let fromWindow = 0;
    let fallback = 0;
    for (const q of queries) {
      const { rows } = await pgPool().query<{ id: number }>(
        `SELECT id FROM messages WHERE search_vector @@ websearch_to_tsquery('russian', $1) ORDER BY registered_at DESC, id DESC`,
        [q],
      );
      const ids = rows.map((r) => r.id);
      for (const k of [0, 40, 300, 5_000]) {
        // How many matches lie among the newest k messages (ties at the k-th time included).
        const {
          rows: [{ n: inWindow }],
        } = await pgPool().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM messages WHERE search_vector @@ websearch_to_tsquery('russian', $1)
             AND registered_at >= (SELECT registered_at FROM messages ORDER BY registered_at DESC OFFSET $2 - 1 LIMIT 1)`,
          [q, Math.max(k, 1)],
        );
        for (const page of [1, 2, 4]) {
          const r = await listQueue(u, { q, perPage: String(perPage), page: String(page) }, undefined, {
            searchWindow: k,
          });
          expect(
            r.data.map((x) => x.id),
            `${q} window=${k} page=${page}`,
          ).toEqual(ids.slice((page - 1) * perPage, page * perPage));
          if (k > 0 && k < total) {
            if (inWindow >= page * perPage) fromWindow++;
            else fallback++;
          }
        }
      }
      // Other sort orders never use the window.
      const old = await listQueue(u, { q, dir: "asc", perPage: String(perPage) }, undefined, { searchWindow: 40 });
      expect(old.data.map((x) => x.id)).toEqual([...ids].reverse().slice(0, perPage));
    }
    // Both ways were taken: pages filled inside the window and pages that needed every message.
    expect(fromWindow).toBeGreaterThan(0);
    expect(fallback).toBeGreaterThan(0);
  });
});

describe("saved views", () => {
  it("a user saves, lists and deletes their own views; the query is stored canonically", async () => {
    const u = await userOf("coordinator");
    const other = await userOf("coordinator2");
    const v = await saveView(u, { name: "Просрочено ЖКХ", query: "?page=3&block=zhkh&deadline=overdue&status=bogus" });
    expect(v.query).toBe("deadline=overdue&block=zhkh");
    expect((await listSavedViews(u)).map((x) => x.name)).toContain("Просрочено ЖКХ");
    expect((await listSavedViews(other)).map((x) => x.id)).not.toContain(v.id);
    await expectAppError(deleteSavedView(other, v.id), "not_found");
    await expectAppError(saveView(u, { name: "  ", query: "" }), "invalid_input");
    await deleteSavedView(u, v.id);
    expect((await listSavedViews(u)).map((x) => x.id)).not.toContain(v.id);
    await expectAppError(saveView(await userOf("head_zhkh"), { name: "x", query: "" }), "forbidden");
  });
});

describe("bulk actions", () => {
  it("routes 20 messages to a block: status routed via the state machine, manual block, history", async () => {
    const u = await userOf("coordinator");
    const sez = await db().block.findUniqueOrThrow({ where: { code: "sez" } });
    const msgs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => makeMessage({ status: i % 4 === 0 ? "returned" : "new", block: "zhkh" })),
    );
    const inWork = await makeMessage({ status: "in_work" });
    const r = await bulkAction(u, { action: "route", ids: [...msgs.map((m) => m.id), inWork.id], blockId: sez.id });
    expect(r.done.sort()).toEqual(msgs.map((m) => m.id).sort());
    expect(r.skipped).toEqual([{ id: inWork.id, reason: "статус «В работе» — направить нельзя" }]);
    expect(r.summary).toBe(`Выполнено: 20, пропущено: 1 (статус «В работе» — направить нельзя: № ${inWork.id}).`);
    const rows = await db().message.findMany({
      where: { id: { in: msgs.map((m) => m.id) } },
      select: { status: true, blockId: true, blockSource: true },
    });
    expect(rows.every((x) => x.status === "routed" && x.blockId === sez.id && x.blockSource === "manual")).toBe(true);
    const ev = await db().messageEvent.findMany({
      where: { messageId: msgs[1].id },
      orderBy: { id: "asc" },
      select: { kind: true, fromStatus: true, toStatus: true, actorId: true },
    });
    expect(ev.map((e) => e.kind)).toEqual(["created", "block_change", "status_change"]);
    expect(ev[2]).toMatchObject({ fromStatus: "new", toStatus: "routed", actorId: u.id });
    expect((await db().message.findUniqueOrThrow({ where: { id: inWork.id } })).status).toBe("in_work");
  });

  it("changes the topic with a history event and a training correction", async () => {
    const u = await userOf("mcu_head");
    const waste = await db().topic.findUniqueOrThrow({ where: { code: "waste" } });
    const a = await makeMessage({ status: "routed" });
    await db().message.update({
      where: { id: a.id },
      data: { topicId: (await db().topic.findUniqueOrThrow({ where: { code: "other" } })).id },
    });
    const r = await bulkAction(u, { action: "topic", ids: [a.id], topicId: waste.id });
    expect(r.summary).toBe("Выполнено: 1, пропущено: 0.");
    expect(await db().messageEvent.count({ where: { messageId: a.id, kind: "topic_change" } })).toBe(1);
    expect(
      await db().classificationCorrection.findFirst({
        where: { messageId: a.id },
        select: { fromTopic: true, toTopic: true },
      }),
    ).toEqual({ fromTopic: "other", toTopic: "waste" });
  });

  it("marks duplicates: linked to the original and rejected, never deleted", async () => {
    const u = await userOf("coordinator");
    const original = await makeMessage({ status: "routed" });
    const dup = await makeMessage({ status: "new" });
    const answered = await makeMessage({ status: "answered" });
    const r = await bulkAction(u, {
      action: "duplicate",
      ids: [dup.id, answered.id, original.id],
      originalId: `№ ${original.id}`,
    });
    expect(r.done).toEqual([dup.id]);
    expect(r.skipped.map((s) => s.id).sort()).toEqual([answered.id, original.id].sort());
    const m = await db().message.findUniqueOrThrow({
      where: { id: dup.id },
      select: { status: true, duplicateOfId: true },
    });
    expect(m).toEqual({ status: "rejected", duplicateOfId: original.id });
    expect(await db().messageLink.count({ where: { fromId: dup.id, toId: original.id, kind: "duplicate" } })).toBe(1);
    const ev = await db().messageEvent.findFirstOrThrow({ where: { messageId: dup.id, kind: "status_change" } });
    expect(ev.reason).toBe(`Дубликат № ${original.id}`);
    await expectAppError(
      bulkAction(u, { action: "duplicate", ids: [dup.id], originalId: 2_000_000_000 }),
      "invalid_input",
      /не найдено/,
    );
  });

  it("rejects spam only with a reason", async () => {
    const u = await userOf("coordinator");
    const a = await makeMessage({ status: "new" });
    await expectAppError(bulkAction(u, { action: "spam", ids: [a.id], reason: " " }), "invalid_input", /причину/);
    const r = await bulkAction(u, { action: "spam", ids: [a.id], reason: "Реклама" });
    expect(r.done).toEqual([a.id]);
    const ev = await db().messageEvent.findFirstOrThrow({ where: { messageId: a.id, kind: "status_change" } });
    expect(ev).toMatchObject({ fromStatus: "new", toStatus: "rejected", reason: "Спам: Реклама" });
  });

  it("a block head (or any other role) cannot call them", async () => {
    const a = await makeMessage({ status: "new" });
    for (const login of ["head_zhkh", "curator_city", "mcu_curator"]) {
      await expectAppError(
        bulkAction(await userOf(login), { action: "spam", ids: [a.id], reason: "Реклама" }),
        "forbidden",
      );
    }
    expect((await db().message.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("new");
  });
});
