// The deadline sweep: each threshold (at risk, overdue) of a message's clock notifies the block
// head, the block's curators and the coordinators exactly once; a new clock notifies again.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deadlineDedupeKey, sweepDeadlines, type Mailer } from "@/lib/deadlines/sweep";
import { PERIODIC_JOBS } from "@/lib/jobs/periodic";
import { ensureSeeded } from "../support/seeded";
import { makeMessage } from "./workflow-support";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  await ensureSeeded();
});

async function withClock(opts: {
  status?: "routed" | "in_work" | "closed" | "new";
  registeredAt: Date;
  atRiskAt: Date;
  dueAt: Date;
  block?: string;
}) {
  const m = await makeMessage({
    block: opts.block ?? "zhkh",
    status: opts.status ?? "in_work",
    registeredAt: opts.registeredAt,
  });
  await db().message.update({ where: { id: m.id }, data: { dueAt: opts.dueAt, atRiskAt: opts.atRiskAt } });
  return m.id;
}

// Other test files running at the same time create users of their own (makeUser, logins «t_…»,
// active coordinators by default); whether a sweep catches one of them depends on timing, so the
// recipients compared here are the seeded accounts.
const seeded = <T extends { user: { login: string } }>(rows: T[]) => rows.filter((n) => !n.user.login.startsWith("t_"));

async function recipientsOf(kind: "at_risk" | "overdue", messageId: number) {
  const rows = await db().notification.findMany({
    where: { messageId, kind: `deadline_${kind}` },
    select: { user: { select: { login: true } }, dedupeKey: true, title: true },
  });
  return seeded(rows);
}

async function expectedRecipients(blockCode: string): Promise<string[]> {
  const block = await db().block.findUniqueOrThrow({ where: { code: blockCode }, select: { id: true } });
  const users = await db().user.findMany({
    where: {
      active: true,
      OR: [
        { role: "coordinator" },
        { role: "block_head", blockId: block.id },
        { role: "block_curator", curatedBlocks: { some: { blockId: block.id } } },
      ],
    },
    select: { login: true },
  });
  return users
    .map((u) => u.login)
    .filter((l) => !l.startsWith("t_"))
    .sort();
}

describe("deadline sweep", () => {
  it("is registered as a periodic job every 60 s", () => {
    expect(PERIODIC_JOBS.find((j) => j.name === "deadline-sweep")?.everySeconds).toBe(60);
  });

  it("notifies the block head, curators and coordinators once per threshold crossed", async () => {
    const now = new Date();
    const overdue = await withClock({
      registeredAt: new Date(now.getTime() - 20 * DAY),
      atRiskAt: new Date(now.getTime() - 5 * DAY),
      dueAt: new Date(now.getTime() - DAY),
    });
    const atRisk = await withClock({
      registeredAt: new Date(now.getTime() - 9 * DAY),
      atRiskAt: new Date(now.getTime() - HOUR),
      dueAt: new Date(now.getTime() + DAY),
    });
    const fine = await withClock({
      registeredAt: now,
      atRiskAt: new Date(now.getTime() + 8 * DAY),
      dueAt: new Date(now.getTime() + 10 * DAY),
    });
    const closed = await withClock({
      status: "closed",
      registeredAt: new Date(now.getTime() - 20 * DAY),
      atRiskAt: new Date(now.getTime() - 5 * DAY),
      dueAt: new Date(now.getTime() - DAY),
    });
    const ids = [overdue, atRisk, fine, closed];

    const sent: Parameters<Mailer>[0][] = [];
    const r1 = await sweepDeadlines({
      now,
      messageIds: ids,
      mailer: async (mail) => {
        sent.push(mail);
      },
    });
    const who = await expectedRecipients("zhkh");
    expect(who).toEqual(expect.arrayContaining(["coordinator", "coordinator2", "head_zhkh", "curator_city"]));
    expect(r1).toMatchObject({ messages: 2, emailed: 2 * who.length });
    expect(r1.notifications).toBeGreaterThanOrEqual(2 * who.length);

    const od = await recipientsOf("overdue", overdue);
    expect(od.map((n) => n.user.login).sort()).toEqual(who);
    const dueAt = (await db().message.findUniqueOrThrow({ where: { id: overdue }, select: { dueAt: true } })).dueAt!;
    expect(new Set(od.map((n) => n.dedupeKey))).toEqual(new Set([deadlineDedupeKey("overdue", overdue, dueAt)]));
    expect(od[0].title).toContain(`№ ${overdue}`);
    // Overdue is the news: the message passed the at-risk threshold too, but that is not sent now.
    expect(await recipientsOf("at_risk", overdue)).toHaveLength(0);
    expect((await recipientsOf("at_risk", atRisk)).map((n) => n.user.login).sort()).toEqual(who);
    for (const id of [fine, closed]) expect(await db().notification.count({ where: { messageId: id } })).toBe(0);
    expect(sent.every((m) => m.to.endsWith("@kholmsk.example") && m.subject.includes("№"))).toBe(true);

    // The next sweeps send nothing new.
    const r2 = await sweepDeadlines({ now: new Date(now.getTime() + 60_000), messageIds: ids, mailer: null });
    expect(r2.notifications).toBe(0);
    expect(await db().notification.count({ where: { messageId: { in: ids } } })).toBe(r1.notifications);

    // The at-risk message later becomes overdue: a second, different notification.
    const r3 = await sweepDeadlines({ now: new Date(now.getTime() + 2 * DAY), messageIds: [atRisk], mailer: null });
    expect(r3.notifications).toBeGreaterThanOrEqual(who.length);
    expect((await recipientsOf("overdue", atRisk)).map((n) => n.user.login).sort()).toEqual(who);
  });

  it("a new clock (extension, reopening) notifies again; a user who joined later is not flooded", async () => {
    const now = new Date();
    const id = await withClock({
      registeredAt: new Date(now.getTime() - 9 * DAY),
      atRiskAt: new Date(now.getTime() - HOUR),
      dueAt: new Date(now.getTime() + DAY),
    });
    expect((await sweepDeadlines({ now, messageIds: [id], mailer: null })).notifications).toBeGreaterThan(0);
    const first = await db().notification.count({ where: { messageId: id } });

    // Extended by ten days: the new due date is a new clock with its own thresholds.
    const newDue = new Date(now.getTime() + 11 * DAY);
    await db().message.update({
      where: { id },
      data: { dueAt: newDue, atRiskAt: new Date(now.getTime() + 9 * DAY), extensionCount: 1 },
    });
    expect((await sweepDeadlines({ now, messageIds: [id], mailer: null })).notifications).toBe(0);
    const later = new Date(now.getTime() + 10 * DAY);
    expect((await sweepDeadlines({ now: later, messageIds: [id], mailer: null })).notifications).toBe(first);
    const keys = new Set((await recipientsOf("at_risk", id)).map((n) => n.dedupeKey));
    expect(keys.size).toBe(2);
    expect(keys.has(deadlineDedupeKey("at_risk", id, newDue))).toBe(true);

    // A newly added coordinator does not get the thresholds already announced to the others.
    const extra = await db().user.create({
      data: { login: `coord-sweep-${id}`, passwordHash: "x", fullName: "Новый Координатор", role: "coordinator" },
    });
    try {
      expect((await sweepDeadlines({ now: later, messageIds: [id], mailer: null })).notifications).toBe(0);
      // …but is told about the next threshold.
      const overdueCount = (
        await sweepDeadlines({ now: new Date(newDue.getTime() + HOUR), messageIds: [id], mailer: null })
      ).notifications;
      expect(overdueCount).toBe(first + 1);
      expect(
        await db().notification.count({ where: { userId: extra.id, messageId: id, kind: "deadline_overdue" } }),
      ).toBe(1);
    } finally {
      await db().notification.deleteMany({ where: { userId: extra.id } });
      await db().user.update({ where: { id: extra.id }, data: { active: false } });
    }
  });

  it("a message without a block notifies the coordinators", async () => {
    const now = new Date();
    const id = await withClock({
      status: "new",
      registeredAt: new Date(now.getTime() - 20 * DAY),
      atRiskAt: new Date(now.getTime() - 5 * DAY),
      dueAt: new Date(now.getTime() - DAY),
    });
    await db().message.update({ where: { id }, data: { blockId: null, needsReview: true } });
    await sweepDeadlines({ now, messageIds: [id], mailer: null });
    const rows = await recipientsOf("overdue", id);
    expect(rows.map((n) => n.user.login).sort()).toEqual(["coordinator", "coordinator2"]);
  });

  it("sweeps all open messages with one statement, quickly", async () => {
    const started = performance.now();
    const r = await sweepDeadlines({ mailer: null });
    expect(r.notifications).toBeGreaterThanOrEqual(0);
    // A second full sweep finds nothing new (every threshold already announced).
    expect((await sweepDeadlines({ mailer: null })).notifications).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
