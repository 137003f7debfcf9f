// Automatic grouping of related messages into problems (lib/problems/cluster.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { clusterProblems, setClusterWatermark } from "@/lib/problems/cluster";
import { ensureSeeded } from "../support/seeded";
import {
  LIGHTS,
  POTHOLE_A,
  POTHOLE_B,
  POTHOLE_C,
  activeProblemOf,
  makePlacedMessage,
  uniqueLocality,
} from "./problems-support";

const DAY = 86_400_000;

beforeAll(async () => {
  await ensureSeeded();
  // Grouping is database-wide, and the messages earlier test files left (thousands from the
  // ingest tests, in their own localities) are not this file's. The watermark is moved past them,
  // as the worker's runs would have moved it, so every run below reads only the streams of this
  // file's messages (each test has a locality of its own); otherwise each run would re-read every
  // stream that got a message in the last minute.
  const [{ max }] = await db().$queryRaw<{ max: number }[]>`SELECT coalesce(max(id), 0)::int AS max FROM messages`;
  await setClusterWatermark(db(), max);
});

// A run still scans the last 30 days of messages for candidates: a few seconds on the embedded
// database after the other files' thousands.
describe("clustering", { timeout: 60_000 }, () => {
  it("groups two messages from different channels about one pothole and leaves unrelated ones alone", async () => {
    const loc = uniqueLocality();
    const pos = await makePlacedMessage({ text: POTHOLE_A, locality: loc, channel: "pos" });
    // Same house written differently and coordinates ~60 m away: the address or the distance matches.
    const social = await makePlacedMessage({
      text: POTHOLE_B,
      locality: loc,
      channel: "incident",
      address: `${loc}, Ленина 12`,
      lat: 47.0505,
      lon: 142.0503,
    });
    const lights = await makePlacedMessage({ text: LIGHTS, locality: loc, channel: "smls" }); // same place, another trouble
    const otherTopic = await makePlacedMessage({
      text: POTHOLE_A,
      locality: loc,
      channel: "sakhalin",
      topic: "housing",
    });
    const otherTown = await makePlacedMessage({ text: POTHOLE_A, locality: uniqueLocality(), channel: "smls" });
    const farAway = await makePlacedMessage({
      text: POTHOLE_A,
      locality: loc,
      channel: "smls",
      address: `с. ${loc}, ул. Мира, д. 3`,
      lat: 47.06,
      lon: 142.07,
    });
    const longAgo = await makePlacedMessage({
      text: POTHOLE_B,
      locality: loc,
      channel: "smls",
      registeredAt: new Date(Date.now() - 25 * DAY),
    });
    const rejected = await makePlacedMessage({
      text: POTHOLE_B,
      locality: loc,
      channel: "sakhalin",
      status: "rejected",
    });
    const lastBefore = (await db().problem.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const r = await clusterProblems();
    expect(r.created).toBeGreaterThanOrEqual(1);

    const of = await activeProblemOf([
      pos.id,
      social.id,
      lights.id,
      otherTopic.id,
      otherTown.id,
      farAway.id,
      longAgo.id,
      rejected.id,
    ]);
    const problemId = of.get(pos.id);
    // A problem this run created.
    expect(problemId).toBeGreaterThan(lastBefore);
    expect(of.get(social.id)).toBe(problemId);
    for (const m of [lights, otherTopic, otherTown, farAway, longAgo, rejected])
      expect(of.get(m.id), `message ${m.id}`).toBeUndefined();

    const p = await db().problem.findUniqueOrThrow({
      where: { id: problemId! },
      include: { members: true, topic: true },
    });
    expect(p.origin).toBe("auto");
    expect(p.status).toBe("open");
    expect(p.topic?.code).toBe("roads");
    expect(p.locality).toBe(loc);
    expect(p.members.map((x) => x.messageId).sort()).toEqual([pos.id, social.id].sort());
    expect(p.lat).not.toBeNull();
  });

  it("is idempotent: a re-run changes nothing", async () => {
    const loc = uniqueLocality();
    const a = await makePlacedMessage({ text: POTHOLE_A, locality: loc, channel: "pos" });
    const b = await makePlacedMessage({ text: POTHOLE_B, locality: loc, channel: "smls" });
    await clusterProblems();
    const before = { problems: await db().problem.count(), members: await db().problemMessage.count() };
    const again = await clusterProblems();
    expect(again).toEqual({ attached: 0, created: 0, problemIds: [] });
    expect({ problems: await db().problem.count(), members: await db().problemMessage.count() }).toEqual(before);
    const of = await activeProblemOf([a.id, b.id]);
    expect(of.get(a.id)).toBe(of.get(b.id));
  });

  it("extends an open problem with a later related message, but not a resolved one", async () => {
    const loc = uniqueLocality();
    const a = await makePlacedMessage({
      text: POTHOLE_A,
      locality: loc,
      channel: "pos",
      registeredAt: new Date(Date.now() - 5 * DAY),
    });
    const b = await makePlacedMessage({
      text: POTHOLE_B,
      locality: loc,
      channel: "incident",
      registeredAt: new Date(Date.now() - 4 * DAY),
    });
    await clusterProblems();
    const problemId = (await activeProblemOf([a.id])).get(a.id)!;
    const c = await makePlacedMessage({ text: POTHOLE_C, locality: loc, channel: "sakhalin" });
    const r = await clusterProblems();
    expect(r.attached).toBeGreaterThanOrEqual(1);
    expect(r.problemIds).toContain(problemId);
    expect((await activeProblemOf([c.id])).get(c.id)).toBe(problemId);
    const p = await db().problem.findUniqueOrThrow({ where: { id: problemId } });
    const cRow = await db().message.findUniqueOrThrow({ where: { id: c.id }, select: { registeredAt: true } });
    expect(p.lastAt.getTime()).toBe(cRow.registeredAt.getTime());
    expect(b.id).toBeGreaterThan(0);

    await db().problem.update({ where: { id: problemId }, data: { status: "resolved" } });
    const d = await makePlacedMessage({ text: POTHOLE_C, locality: loc, channel: "smls" });
    await clusterProblems();
    // A resolved problem takes no new messages; the lone newcomer stays unassigned.
    expect((await activeProblemOf([d.id])).get(d.id)).toBeUndefined();
  });

  it("never puts a detached message back", async () => {
    const loc = uniqueLocality();
    const a = await makePlacedMessage({ text: POTHOLE_A, locality: loc, channel: "pos" });
    const b = await makePlacedMessage({ text: POTHOLE_B, locality: loc, channel: "smls" });
    const c = await makePlacedMessage({ text: POTHOLE_C, locality: loc, channel: "incident" });
    await clusterProblems();
    const problemId = (await activeProblemOf([a.id])).get(a.id)!;
    expect((await activeProblemOf([b.id, c.id])).get(c.id)).toBe(problemId);
    await db().problemMessage.updateMany({
      where: { problemId, messageId: c.id, detachedAt: null },
      data: { detachedAt: new Date() },
    });
    await clusterProblems();
    expect((await activeProblemOf([c.id])).get(c.id)).toBeUndefined();
  });

  it("concurrent runs create each problem once", async () => {
    const pairs = await Promise.all(
      [0, 1, 2].map(async () => {
        const loc = uniqueLocality();
        return [
          await makePlacedMessage({ text: POTHOLE_A, locality: loc, channel: "pos" }),
          await makePlacedMessage({ text: POTHOLE_B, locality: loc, channel: "incident" }),
        ];
      }),
    );
    const problemsBefore = await db().problem.count();
    const lastBefore = (await db().problem.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const results = await Promise.all([clusterProblems(), clusterProblems(), clusterProblems()]);
    expect(results.reduce((s, r) => s + r.created, 0)).toBe(3);
    expect(await db().problem.count()).toBe(problemsBefore + 3);
    const ids = pairs.flat().map((m) => m.id);
    const of = await activeProblemOf(ids);
    for (const [a, b] of pairs) {
      expect(of.get(a.id)).toBeGreaterThan(lastBefore);
      expect(of.get(a.id)).toBe(of.get(b.id));
    }
    expect(new Set(pairs.map(([a]) => of.get(a.id))).size).toBe(3);
    // No run left a problem without members.
    const createdIds = results.flatMap((r) => r.problemIds);
    expect(await db().problem.count({ where: { id: { in: createdIds }, members: { none: {} } } })).toBe(0);
  });
});
