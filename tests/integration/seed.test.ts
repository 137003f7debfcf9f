import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedAll } from "@/lib/seed/seed";
import { BLOCKS, DEMO_USERS, TOPIC_DEFS } from "@/lib/seed/reference";
import { canTransition } from "@/lib/workflow/state-machine";
import type { StatusCode } from "@/lib/messages/labels";
import { ensureSeeded } from "../support/seeded";

beforeAll(async () => {
  await ensureSeeded();
});

describe("seed", () => {
  it("is idempotent", async () => {
    const count = () =>
      Promise.all([
        db().message.count(),
        db().messageEvent.count(),
        db().user.count(),
        db().block.count(),
        db().topic.count(),
      ]);
    const before = await count();
    const r = await seedAll(db(), { messages: 320 });
    expect(r.messagesCreated).toBe(0);
    expect(await count()).toEqual(before);
  });

  it("creates the 8 blocks with their topics, curators, a head for each block and one account per role", async () => {
    const blocks = await db().block.findMany({
      include: { topics: true, curators: true, members: { where: { role: "block_head" } } },
    });
    expect(blocks.map((b) => b.code).sort()).toEqual(BLOCKS.map((b) => b.code).sort());
    for (const b of blocks) {
      expect(b.topics.map((t) => t.code).sort(), b.code).toEqual(
        TOPIC_DEFS.filter((t) => t.block === b.code)
          .map((t) => t.code)
          .sort(),
      );
      expect(b.curators.length, b.code).toBeGreaterThanOrEqual(1);
      expect(b.members.length, b.code).toBe(1);
    }
    const roles = new Set(
      (await db().user.findMany({ where: { login: { in: DEMO_USERS.map((u) => u.login) } } })).map((u) => u.role),
    );
    expect([...roles].sort()).toEqual(["block_curator", "block_head", "coordinator", "mcu_curator", "mcu_head"]);
    expect(await db().deadlinePolicy.count()).toBe(4);
    expect(await db().posCategoryMapping.count()).toBeGreaterThan(10);
  });

  it("has ≥ 300 demo messages across all channels, regimes and statuses, each with a legal history", async () => {
    const msgs = await db().message.findMany({
      where: { externalId: { startsWith: "demo-" } },
      select: {
        id: true,
        status: true,
        channel: true,
        regime: true,
        dueAt: true,
        events: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { kind: true, fromStatus: true, toStatus: true },
        },
      },
    });
    expect(msgs.length).toBeGreaterThanOrEqual(300);
    expect(new Set(msgs.map((m) => m.channel)).size).toBe(4);
    expect(new Set(msgs.map((m) => m.regime)).size).toBe(4);
    expect(new Set(msgs.map((m) => m.status)).size).toBe(12);
    for (const m of msgs) {
      expect(m.dueAt).not.toBeNull();
      expect(m.events[0]).toMatchObject({ kind: "created", toStatus: "new" });
      let status: StatusCode = "new";
      for (const e of m.events.filter((x) => x.kind === "status_change")) {
        expect(e.fromStatus).toBe(status);
        expect(canTransition(e.fromStatus as StatusCode, e.toStatus as StatusCode)).toBe(true);
        status = e.toStatus as StatusCode;
      }
      expect(status, `message ${m.id}`).toBe(m.status);
    }
  });
});
