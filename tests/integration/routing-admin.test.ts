// The МЦУ head's routing and deadline settings: validated, audited, and used by what comes next —
// ingestion (routing context, clocks), `npm run classify`, `npm run deadline`, «Требует разбора».
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_POLICIES, computeAnswerDue, REGIMES } from "@/lib/deadlines";
import {
  getRoutingAdmin,
  moveRule,
  saveCategoryMapping,
  saveRule,
  setRuleActive,
  setTopicBlock,
} from "@/lib/admin/routing";
import { listPolicies, updatePolicy } from "@/lib/admin/policies";
import { listNeedsReview } from "@/lib/routing/review-queue";
import { loadRoutingContext } from "@/lib/routing/context";
import { decide } from "@/lib/routing/decide";
import { prepareMessages } from "@/lib/ingest/prepare";
import { loadDbCorrections } from "@/lib/cli/train-classify";
import type { NormalizedMessage } from "@/lib/channels/types";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, makeMessage, makeUser, sessionCookieFor, userOf } from "./workflow-support";

// Data functions call the real authorize(): it reads the request's session cookie, decodes it with
// NEXTAUTH_SECRET and re-reads the user from the database. Only where the cookie comes from is
// replaced — the test's "request" carries the session cookie of the user it signs in as.
const request = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "routing-admin-test-secret-0123456789abcdef";
  return { cookies: [] as { name: string; value: string }[] };
});
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => request.cookies }) }));

const ROOT = path.resolve(import.meta.dirname, "../..");
const as = async (login: string) => {
  request.cookies = [await sessionCookieFor(login)];
};
const createdRules: number[] = [];

beforeAll(async () => {
  await ensureSeeded();
});

afterAll(async () => {
  // Leave the shared database as the seed made it for the other test files.
  await db().routingRule.updateMany({ where: { id: { in: createdRules } }, data: { active: false } });
  for (const regime of REGIMES) {
    const p = DEFAULT_POLICIES[regime];
    await db().deadlinePolicy.update({
      where: { regime },
      data: {
        answerDays: p.answerDays,
        answerUnit: p.answerUnit,
        firstReactionDays: p.firstReactionDays ?? null,
        firstReactionUnit: p.firstReactionUnit ?? null,
        extensionDays: p.extensionDays,
        extensionUnit: p.extensionUnit,
        maxExtensions: p.maxExtensions,
        atRiskShare: p.atRiskShare,
      },
    });
  }
});

const refs = async () => {
  const [topics, blocks] = await Promise.all([db().topic.findMany(), db().block.findMany()]);
  return {
    topic: (c: string) => topics.find((t) => t.code === c)!.id,
    block: (c: string) => blocks.find((b) => b.code === c)!.id,
  };
};

function normalized(m: Partial<NormalizedMessage>): NormalizedMessage {
  return {
    channel: "smls",
    externalId: `t-${Math.random()}`,
    regime: "social_incident",
    textRaw: "",
    textClean: "",
    title: null,
    sourceUrl: null,
    authorName: null,
    authorPhone: null,
    authorEmail: null,
    authorProfile: null,
    address: null,
    locality: null,
    lat: null,
    lon: null,
    sourceCategory: null,
    sourceSubcategory: null,
    createdAt: new Date(),
    sourceVersion: "1",
    attachments: [],
    extra: {},
    ...m,
  } as NormalizedMessage;
}

describe("routing settings", () => {
  it("only the МЦУ head may change them", async () => {
    const { topic, block } = await refs();
    // One demo user of every other role.
    for (const login of ["coordinator", "head_zhkh", "curator_city", "mcu_curator"]) {
      await as(login);
      await expectAppError(saveRule({ name: "Чужое правило", keywords: "тест", blockId: block("zhkh") }), "forbidden");
      await expectAppError(setTopicBlock({ topicId: topic("waste"), blockId: block("sez") }), "forbidden");
      await expectAppError(updatePolicy({ regime: "fz59" }), "forbidden");
      await expectAppError(getRoutingAdmin(), "forbidden");
    }
    request.cookies = [];
    await expectAppError(getRoutingAdmin(), "unauthenticated");
    request.cookies = [{ name: "next-auth.session-token", value: "не-токен" }];
    await expectAppError(getRoutingAdmin(), "unauthenticated");
  });

  it("the role is the one in the database now, not the one the session cookie was issued with", async () => {
    const u = await makeUser({ role: "mcu_head" });
    await as(u.login);
    expect((await getRoutingAdmin()).blocks.length).toBe(await db().block.count());
    await db().user.update({ where: { id: u.id }, data: { role: "coordinator" } });
    await expectAppError(getRoutingAdmin(), "forbidden");
    await db().user.update({ where: { id: u.id }, data: { role: "mcu_head", active: false } });
    await expectAppError(getRoutingAdmin(), "unauthenticated");
  });

  it("a keyword rule is validated, audited, and routes the next ingested message with its reason", async () => {
    await as("mcu_head");
    const { block } = await refs();
    await expectAppError(
      saveRule({ name: "Без условий", keywords: "", blockId: block("culture") }),
      "invalid_input",
      /хотя бы одно условие/,
    );
    await expectAppError(saveRule({ name: "Без блока", keywords: "квакша" }), "invalid_input", /блок/);
    await expectAppError(
      saveRule({ name: "x", keywords: "квакша", blockId: block("culture") }),
      "invalid_input",
      /не короче 3/,
    );
    await expectAppError(
      saveRule({ name: "Плохой канал", keywords: "квакша", channel: "telegram", blockId: block("culture") }),
      "invalid_input",
      /канал/,
    );

    const r = await saveRule({
      name: "Квакши — культура",
      keywords: "Квакша, жабий хор\nквакши",
      channel: "",
      locality: "",
      topicId: "",
      blockId: String(block("culture")),
    });
    createdRules.push(r.id);
    expect(r.created).toBe(true);
    const stored = await db().routingRule.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored).toMatchObject({
      keywords: ["квакша", "жабий хор", "квакши"],
      channel: null,
      locality: null,
      topicId: null,
      active: true,
    });
    expect(await db().auditLog.count({ where: { action: "routing_rule_created", entityId: String(r.id) } })).toBe(1);

    const ctx = await loadRoutingContext(db());
    const [p] = prepareMessages(
      [normalized({ textClean: "Во дворе по ночам громкий жабий хор, мусор не вывозят" })],
      ctx,
    );
    expect(p.d).toMatchObject({
      blockId: block("culture"),
      blockSource: "rule",
      status: "routed",
      blockReason: { ruleId: r.id, rule: "Квакши — культура", keywords: ["жабий хор"] },
    });

    // Edit: a channel condition now excludes this channel.
    await saveRule({
      id: r.id,
      name: "Квакши — культура (ПОС)",
      keywords: "квакша, жабий хор",
      channel: "pos",
      blockId: block("culture"),
      priority: stored.priority,
    });
    const ctx2 = await loadRoutingContext(db());
    expect(decide(normalized({ textClean: "жабий хор во дворе" }), ctx2).blockSource).not.toBe("rule");
    expect(decide(normalized({ channel: "pos", textClean: "жабий хор во дворе" }), ctx2).blockSource).toBe("rule");
    expect(await db().auditLog.count({ where: { action: "routing_rule_updated", entityId: String(r.id) } })).toBe(1);

    // Deactivated: no longer applied, still listed.
    await setRuleActive({ id: r.id, active: false });
    expect(
      decide(normalized({ channel: "pos", textClean: "жабий хор во дворе" }), await loadRoutingContext(db()))
        .blockSource,
    ).not.toBe("rule");
    expect((await getRoutingAdmin()).rules.find((x) => x.id === r.id)?.active).toBe(false);
  });

  it("rules are reordered by moving them up and down; the first match wins", async () => {
    await as("mcu_head");
    const { block } = await refs();
    const a = await saveRule({ name: "Порядок A", keywords: "шмыгунчик", blockId: block("edu") });
    const b = await saveRule({ name: "Порядок B", keywords: "шмыгунчик", blockId: block("sez") });
    createdRules.push(a.id, b.id);
    const route = async () =>
      decide(normalized({ textClean: "во дворе шмыгунчик" }), await loadRoutingContext(db())).blockId;
    expect(await route()).toBe(block("edu"));
    await moveRule({ id: b.id, direction: "up" });
    expect(await route()).toBe(block("sez"));
    await moveRule({ id: b.id, direction: "down" });
    expect(await route()).toBe(block("edu"));
    await expectAppError(moveRule({ id: a.id, direction: "sideways" }), "invalid_input");
    await setRuleActive({ id: a.id, active: false });
    await setRuleActive({ id: b.id, active: false });
  });

  it("the topic → block mapping and the ПОС category map can be changed and extended", async () => {
    await as("mcu_head");
    const { topic, block } = await refs();
    try {
      await setTopicBlock({ topicId: topic("sport"), blockId: block("edu") });
      expect((await loadRoutingContext(db())).blockIdByTopicId.get(topic("sport"))).toBe(block("edu"));
      expect(
        await db().auditLog.count({ where: { action: "topic_block_changed", entityId: "sport" } }),
      ).toBeGreaterThan(0);
    } finally {
      await setTopicBlock({ topicId: topic("sport"), blockId: block("culture") });
    }

    const added = await saveCategoryMapping({
      category: "Тестовая категория",
      subcategory: "",
      topicId: topic("trade"),
    });
    expect(added.created).toBe(true);
    await expectAppError(
      saveCategoryMapping({ category: "Тестовая категория", subcategory: "", topicId: topic("sport") }),
      "conflict",
    );
    await expectAppError(saveCategoryMapping({ category: "", topicId: topic("sport") }), "invalid_input", /категорию/);
    await expectAppError(saveCategoryMapping({ category: "Ещё одна", topicId: "" }), "invalid_input", /тему/);
    let d = decide(
      normalized({ channel: "pos", sourceCategory: "Тестовая категория", textClean: "Во дворе не вывозят мусор" }),
      await loadRoutingContext(db()),
    );
    expect(d).toMatchObject({ topicId: topic("trade"), topicSource: "category_map", blockId: block("economy") });
    await saveCategoryMapping({
      id: added.id,
      category: "Тестовая категория",
      subcategory: "",
      topicId: topic("sport"),
    });
    d = decide(
      normalized({ channel: "pos", sourceCategory: "Тестовая категория", textClean: "Во дворе не вывозят мусор" }),
      await loadRoutingContext(db()),
    );
    expect(d.topicId).toBe(topic("sport"));
    expect(await db().auditLog.count({ where: { entity: "pos_category_mapping", entityId: String(added.id) } })).toBe(
      2,
    );
  });
});

describe("npm run classify with DATABASE_URL", () => {
  it("uses the database's rules and maps, exactly as ingestion does", async () => {
    await as("mcu_head");
    const { block } = await refs();
    const r = await saveRule({ name: "CLI — опека", keywords: "бурундучок", blockId: block("guardianship") });
    createdRules.push(r.id);
    try {
      const input = [
        JSON.stringify({ id: "rule", text: "Во дворе бурундучок и не вывозят мусор" }),
        JSON.stringify({ id: "plain", text: "Во дворе не вывозят мусор, контейнеры переполнены" }),
      ].join("\n");
      const out = spawnSync("npm", ["run", "--silent", "classify"], {
        cwd: ROOT,
        input,
        encoding: "utf8",
        env: process.env,
      });
      expect(out.status).toBe(0);
      expect(out.stderr).not.toContain("DATABASE_URL");
      const lines = out.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([
        { id: "rule", topic: "waste", block: "guardianship", confidence: expect.any(Number) },
        { id: "plain", topic: "waste", block: "zhkh", confidence: expect.any(Number) },
      ]);
    } finally {
      await setRuleActive({ id: r.id, active: false });
    }
  }, 60_000);
});

describe("deadline policies", () => {
  it("lists the four regimes and rejects invalid values in Russian", async () => {
    await as("mcu_head");
    const list = await listPolicies();
    expect(list.map((p) => p.regime)).toEqual(["fz59", "pos_message", "social_incident", "portal"]);
    const base = {
      regime: "pos_message",
      answerDays: "10",
      answerUnit: "working",
      firstReactionDays: "",
      firstReactionUnit: "",
      extensionDays: "10",
      extensionUnit: "working",
      maxExtensions: "1",
      atRiskPercent: "20",
    };
    await expectAppError(updatePolicy({ ...base, answerDays: "0" }), "invalid_input", /Срок ответа/);
    await expectAppError(updatePolicy({ ...base, atRiskPercent: "100" }), "invalid_input", /под угрозой/);
    await expectAppError(updatePolicy({ ...base, answerUnit: "weeks" }), "invalid_input", /вид дней/);
    await expectAppError(updatePolicy({ ...base, firstReactionDays: "2" }), "invalid_input", /первой реакции/);
    await expectAppError(updatePolicy({ ...base, answerDays: "abc" }), "invalid_input", /Срок ответа/);
  });

  it("an edit changes the deadlines of new messages, in ingestion and in `npm run deadline`", async () => {
    await as("mcu_head");
    const registered = new Date("2026-03-02T01:00:00Z");
    const before = prepareMessages(
      [normalized({ channel: "pos", regime: "pos_message" })],
      await loadRoutingContext(db()),
      registered,
    )[0].clock;
    expect(before.dueLocalDate.toISOString().slice(0, 10)).toBe(
      computeAnswerDue(registered, DEFAULT_POLICIES.pos_message).dueLocalDate,
    );

    // ПОС terms are shared by every test file that computes a ПОС deadline: put the row back as it
    // was as soon as this test is done with it, not only when the file ends.
    const original = await db().deadlinePolicy.findUniqueOrThrow({ where: { regime: "pos_message" } });
    try {
      const saved = await updatePolicy({
        regime: "pos_message",
        answerDays: "5",
        answerUnit: "calendar",
        firstReactionDays: "1",
        firstReactionUnit: "working",
        extensionDays: "7",
        extensionUnit: "calendar",
        maxExtensions: "2",
        atRiskPercent: "35",
      });
      expect(saved).toMatchObject({
        answerDays: 5,
        answerUnit: "calendar",
        atRiskShare: 0.35,
        maxExtensions: 2,
        firstReactionDays: 1,
      });
      const row = await db().deadlinePolicy.findUniqueOrThrow({ where: { regime: "pos_message" } });
      expect(row).toMatchObject({
        answerDays: 5,
        answerUnit: "calendar",
        extensionDays: 7,
        maxExtensions: 2,
        atRiskShare: 0.35,
        updatedById: (await userOf("mcu_head")).id,
      });
      expect(
        await db().auditLog.count({ where: { action: "deadline_policy_updated", entityId: "pos_message" } }),
      ).toBeGreaterThan(0);

      const after = prepareMessages(
        [normalized({ channel: "pos", regime: "pos_message" })],
        await loadRoutingContext(db()),
        registered,
      )[0].clock;
      // 2 March 2026 (Sakhalin) + 5 calendar days = Saturday 7 March → the next working day,
      // Tuesday 10 March (8 March falls on a Sunday, so Monday 9 March is a day off too).
      const expected = computeAnswerDue(registered, saved).dueLocalDate;
      expect(expected).toBe("2026-03-10");
      expect(after.dueLocalDate.toISOString().slice(0, 10)).toBe(expected);
      expect(after.firstReactionDueAt).not.toBeNull();
      const total = after.dueAt.getTime() - registered.getTime();
      expect(Math.abs(after.dueAt.getTime() - after.atRiskAt.getTime() - total * 0.35)).toBeLessThan(2);

      const cli = spawnSync(
        "npm",
        ["run", "--silent", "deadline", "--", "--regime", "pos_message", "--registered", registered.toISOString()],
        { cwd: ROOT, encoding: "utf8", env: process.env },
      );
      expect(cli.status).toBe(0);
      expect(cli.stdout.trim().split("\n").at(-1)).toBe(expected);
      const withoutDb = { ...process.env };
      delete withoutDb.DATABASE_URL;
      const cliDefault = spawnSync(
        "npm",
        ["run", "--silent", "deadline", "--", "--regime", "pos_message", "--registered", registered.toISOString()],
        { cwd: ROOT, encoding: "utf8", env: withoutDb },
      );
      expect(cliDefault.stdout.trim().split("\n").at(-1)).toBe(before.dueLocalDate.toISOString().slice(0, 10));
    } finally {
      const {
        answerDays,
        answerUnit,
        firstReactionDays,
        firstReactionUnit,
        extensionDays,
        extensionUnit,
        maxExtensions,
        atRiskShare,
        updatedById,
      } = original;
      await db().deadlinePolicy.update({
        where: { regime: "pos_message" },
        data: {
          answerDays,
          answerUnit,
          firstReactionDays,
          firstReactionUnit,
          extensionDays,
          extensionUnit,
          maxExtensions,
          atRiskShare,
          updatedById,
        },
      });
    }
  }, 60_000);
});

describe("«Требует разбора» and training data", () => {
  it("lists open messages needing review, newest first, paged, with their reasons", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const m = await makeMessage({ status: "new", registeredAt: new Date(Date.now() + (i + 1) * 60_000) });
      await db().message.update({
        where: { id: m.id },
        data: {
          needsReview: true,
          blockId: null,
          topicSource: "model",
          topicConfidence: 0.2 + i / 10,
          topicReason: { words: ["слово"], confidence: 0.2 },
        },
      });
      ids.push(m.id);
    }
    const closed = await makeMessage({ status: "closed" });
    await db().message.update({ where: { id: closed.id }, data: { needsReview: true } });

    await as("head_zhkh");
    await expectAppError(listNeedsReview({}), "forbidden");
    await as("coordinator");
    const page1 = await listNeedsReview({ perPage: "5" });
    expect(page1.data.slice(0, 3).map((r) => r.id)).toEqual([...ids].reverse());
    expect(page1.data.some((r) => r.id === closed.id)).toBe(false);
    expect(page1.data[0]).toMatchObject({ topicSource: "model", topicReason: { words: ["слово"] } });
    expect(page1.data[0].preview).toContain("мусор");
    const bad = await listNeedsReview({ page: "-3", perPage: "x" });
    expect(bad.page).toBe(1);
  });

  it("train:classify reads the coordinators' corrections from the database", async () => {
    const user = await userOf("coordinator");
    const m = await makeMessage({});
    await db().classificationCorrection.create({
      data: {
        messageId: m.id,
        userId: user.id,
        text: "Проверка обучения: жабий хор во дворе",
        fromTopic: "other",
        toTopic: "culture",
      },
    });
    const rows = await loadDbCorrections();
    expect(rows).toContainEqual({ text: "Проверка обучения: жабий хор во дворе", topic: "culture" });
  });
});
