// The coordinator's changes to problems keep their history: merge, split, attach, detach, rename,
// status; read-only roles are refused; personal data on the problem page is role-gated and audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { createProblem } from "@/lib/problems/store";
import { mergeProblems } from "@/lib/problems/merge-problems";
import { splitProblem } from "@/lib/problems/split-problem";
import { attachMessage } from "@/lib/problems/attach-message";
import { detachMessage } from "@/lib/problems/detach-message";
import { renameProblem } from "@/lib/problems/rename-problem";
import { setProblemStatus } from "@/lib/problems/set-problem-status";
import { getProblem } from "@/lib/problems/get-problem";
import { listProblems } from "@/lib/problems/list-problems";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, userOf } from "./workflow-support";
import {
  POTHOLE_A,
  POTHOLE_B,
  POTHOLE_C,
  activeProblemOf,
  makePlacedMessage,
  uniqueLocality,
} from "./problems-support";

let coordinator: CurrentUser;
let mcuCurator: CurrentUser;
let mcuHead: CurrentUser;
let head: CurrentUser;

beforeAll(async () => {
  await ensureSeeded();
  [coordinator, mcuCurator, mcuHead, head] = await Promise.all([
    userOf("coordinator"),
    userOf("mcu_curator"),
    userOf("mcu_head"),
    userOf("head_zhkh"),
  ]);
});

async function problemWith(n: number, title = "Яма на ул. Ленина") {
  const loc = uniqueLocality();
  const texts = [POTHOLE_A, POTHOLE_B, POTHOLE_C];
  const channels = ["pos", "incident", "smls", "sakhalin"] as const;
  const ms: Awaited<ReturnType<typeof makePlacedMessage>>[] = [];
  for (let i = 0; i < n; i++)
    ms.push(
      await makePlacedMessage({
        text: texts[i % 3],
        locality: loc,
        channel: channels[i % 4],
        authorPhone: `+7 900 000-00-${10 + i}`,
      }),
    );
  const topic = await db().topic.findUniqueOrThrow({ where: { code: "roads" } });
  const p = await db().$transaction((tx) =>
    createProblem(tx, {
      title,
      topicId: topic.id,
      locality: loc,
      messageIds: ms.map((m) => m.id),
      origin: "manual",
      createdById: coordinator.id,
    }),
  );
  return { id: p.id, messages: ms };
}

describe("createProblem", () => {
  it("attaches only messages without an active membership and spans their registration times", async () => {
    const first = await problemWith(2);
    const loose = await makePlacedMessage({
      text: POTHOLE_C,
      locality: uniqueLocality(),
      registeredAt: new Date(Date.now() - 2 * 86_400_000),
    });
    const p = await db().$transaction((tx) =>
      createProblem(tx, {
        title: "Рост жалоб на ямы",
        topicId: null,
        locality: null,
        messageIds: [first.messages[0].id, loose.id],
        origin: "growth",
        createdById: coordinator.id,
      }),
    );
    const of = await activeProblemOf([first.messages[0].id, loose.id]);
    expect(of.get(first.messages[0].id)).toBe(first.id);
    expect(of.get(loose.id)).toBe(p.id);
    const row = await db().problem.findUniqueOrThrow({ where: { id: p.id } });
    const m = await db().message.findUniqueOrThrow({ where: { id: loose.id } });
    expect(row.origin).toBe("growth");
    expect(row.firstAt.getTime()).toBe(m.registeredAt.getTime());
    expect(row.lastAt.getTime()).toBe(m.registeredAt.getTime());
    expect(await db().auditLog.count({ where: { action: "problem.create", entityId: String(p.id) } })).toBe(1);
  });
});

describe("merge", () => {
  it("moves the members into the target, keeps the source row with merged_into_id and both histories", async () => {
    const a = await problemWith(2);
    const b = await problemWith(1);
    const r = await mergeProblems(coordinator, { problemId: a.id, targetId: b.id });
    expect(r.moved).toBe(2);
    const source = await db().problem.findUniqueOrThrow({ where: { id: a.id }, include: { members: true } });
    expect(source.mergedIntoId).toBe(b.id);
    expect(source.members).toHaveLength(2);
    expect(source.members.every((m) => m.detachedAt && m.detachedById === coordinator.id)).toBe(true);
    const of = await activeProblemOf([...a.messages, ...b.messages].map((m) => m.id));
    expect([...of.values()].every((id) => id === b.id)).toBe(true);
    expect(of.size).toBe(3);
    // The merged problem is read-only and hidden from the default list.
    await expectAppError(renameProblem(coordinator, { problemId: a.id, title: "Новое имя" }), "conflict", /объединена/);
    await expectAppError(mergeProblems(coordinator, { problemId: b.id, targetId: a.id }), "conflict", /объединена/);
    const list = await listProblems(coordinator, { q: String(a.id), status: "active" });
    expect(list.data.map((p) => p.id)).not.toContain(a.id);
    const merged = await listProblems(coordinator, { q: String(a.id), status: "merged" });
    expect(merged.data.map((p) => p.id)).toContain(a.id);
    const details = await getProblem(coordinator, b.id);
    expect(details.mergedFrom.map((p) => p.id)).toContain(a.id);
    await expectAppError(mergeProblems(coordinator, { problemId: b.id, targetId: b.id }), "invalid_input");
  });
});

describe("split", () => {
  it("moves the chosen messages into a new problem and keeps at least one", async () => {
    const p = await problemWith(3);
    const chosen = [p.messages[1].id, p.messages[2].id];
    await expectAppError(
      splitProblem(coordinator, { problemId: p.id, title: "Всё", messageIds: p.messages.map((m) => m.id) }),
      "invalid_input",
      /остаться/,
    );
    const stranger = await makePlacedMessage({ text: POTHOLE_A, locality: uniqueLocality() });
    await expectAppError(
      splitProblem(coordinator, { problemId: p.id, title: "Чужое", messageIds: [stranger.id] }),
      "invalid_input",
      /не входят/,
    );
    const created = await splitProblem(coordinator, {
      problemId: p.id,
      title: "Яма у дома 12, вторая часть",
      messageIds: chosen,
    });
    const of = await activeProblemOf(p.messages.map((m) => m.id));
    expect(of.get(p.messages[0].id)).toBe(p.id);
    expect(of.get(chosen[0])).toBe(created.id);
    expect(of.get(chosen[1])).toBe(created.id);
    const row = await db().problem.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.origin).toBe("manual");
    expect(row.title).toBe("Яма у дома 12, вторая часть");
    const oldRows = await db().problemMessage.findMany({ where: { problemId: p.id, messageId: { in: chosen } } });
    expect(oldRows.every((r) => r.detachedAt && r.detachedById === coordinator.id)).toBe(true);
    expect(await db().auditLog.count({ where: { action: "problem.split", entityId: String(p.id) } })).toBe(1);
  });
});

describe("attach and detach", () => {
  it("detaches with a kept row, re-attaches as a new row, refuses a message of another problem", async () => {
    const p = await problemWith(2);
    const other = await problemWith(1);
    const m = p.messages[1];
    await detachMessage(coordinator, { problemId: p.id, messageId: m.id });
    expect((await activeProblemOf([m.id])).get(m.id)).toBeUndefined();
    await expectAppError(detachMessage(coordinator, { problemId: p.id, messageId: m.id }), "not_found");
    await attachMessage(coordinator, { problemId: p.id, messageId: m.id });
    const rows = await db().problemMessage.findMany({
      where: { problemId: p.id, messageId: m.id },
      orderBy: { id: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0].detachedAt).not.toBeNull();
    expect(rows[0].detachedById).toBe(coordinator.id);
    expect(rows[1].detachedAt).toBeNull();
    expect(rows[1].addedById).toBe(coordinator.id);
    await expectAppError(attachMessage(coordinator, { problemId: p.id, messageId: m.id }), "conflict", /уже входит/);
    await expectAppError(
      attachMessage(coordinator, { problemId: p.id, messageId: other.messages[0].id }),
      "conflict",
      new RegExp(`№ ${other.id}`),
    );
    await expectAppError(attachMessage(coordinator, { problemId: p.id, messageId: 2_000_000_000 }), "not_found");
    await expectAppError(attachMessage(coordinator, { problemId: p.id, messageId: "abc" }), "invalid_input");
    const details = await getProblem(coordinator, p.id);
    expect(details.history.filter((h) => h.messageId === m.id)).toHaveLength(2);
    expect(details.messages.map((x) => x.id).sort()).toEqual(p.messages.map((x) => x.id).sort());
    expect(
      await db().auditLog.count({
        where: { entity: "problem", entityId: String(p.id), action: { in: ["problem.attach", "problem.detach"] } },
      }),
    ).toBe(2);
  });
});

describe("rename, status and roles", () => {
  it("renames and changes status with audit; read-only roles are refused", async () => {
    const p = await problemWith(1);
    await renameProblem(coordinator, { problemId: p.id, title: "  Яма на Ленина, 12  " });
    await setProblemStatus(coordinator, { problemId: p.id, status: "in_work" });
    const row = await db().problem.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.title).toBe("Яма на Ленина, 12");
    expect(row.status).toBe("in_work");
    await expectAppError(renameProblem(coordinator, { problemId: p.id, title: "я" }), "invalid_input");
    await expectAppError(setProblemStatus(coordinator, { problemId: p.id, status: "closed" }), "invalid_input");
    for (const u of [mcuCurator, mcuHead, head]) {
      await expectAppError(renameProblem(u, { problemId: p.id, title: "Чужое имя" }), "forbidden");
      await expectAppError(detachMessage(u, { problemId: p.id, messageId: p.messages[0].id }), "forbidden");
    }
    await expectAppError(getProblem(head, p.id), "forbidden");
    expect((await getProblem(mcuHead, p.id)).canEdit).toBe(false);
  });

  it("shows residents' personal data to the coordinator (audited) and only counts to the МЦУ curator", async () => {
    const p = await problemWith(3);
    const auditsBefore = await db().auditLog.count({
      where: { action: "personal_data_read", entity: "problem", entityId: String(p.id) },
    });
    const c = await getProblem(coordinator, p.id);
    expect(c.residentCount).toBe(3);
    expect(c.residents?.map((r) => r.phone).sort()).toEqual([
      "+7 900 000-00-10",
      "+7 900 000-00-11",
      "+7 900 000-00-12",
    ]);
    expect(
      await db().auditLog.count({ where: { action: "personal_data_read", entity: "problem", entityId: String(p.id) } }),
    ).toBe(auditsBefore + 1);
    const v = await getProblem(mcuCurator, p.id);
    expect(v.residentCount).toBe(3);
    expect(v.residents).toBeNull();
    expect(JSON.stringify(v)).not.toContain("900 000-00-1");
    expect(v.canEdit).toBe(false);
    const list = await listProblems(mcuCurator, { q: String(p.id), status: "all" });
    const row = list.data.find((x) => x.id === p.id)!;
    expect(row.messages).toBe(3);
    expect(row.residents).toBe(3);
    expect(row.channels.sort()).toEqual(["incident", "pos", "smls"]);
  });
});
