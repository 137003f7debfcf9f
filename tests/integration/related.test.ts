import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { relatedMessages } from "@/lib/messages/related";
import { bulkAction } from "@/lib/queue/bulk-actions";
import { ensureSeeded } from "../support/seeded";
import { makeMessage, userOf } from "./workflow-support";

beforeAll(async () => {
  await ensureSeeded();
});

describe("related messages", () => {
  it("finds the same problem by topic, time and similar text, within the user's scope, and links a duplicate", async () => {
    const a = await makeMessage({ channel: "pos", block: "zhkh" });
    const b = await makeMessage({ channel: "smls", block: "zhkh" });
    const full = await db().message.findUniqueOrThrow({ where: { id: a.id } });
    const coordinator = await userOf("coordinator");
    const related = await relatedMessages(coordinator, full);
    const hit = related.find((r) => r.id === b.id);
    expect(hit).toMatchObject({ id: b.id, channel: "smls", status: "routed" });
    expect(hit!.similarity).toBeGreaterThan(0.9);
    // The same text in another block is invisible to that block's head.
    const eduHead = await userOf("head_edu");
    expect((await relatedMessages(eduHead, full)).some((r) => r.id === b.id)).toBe(false);
    const r = await bulkAction(coordinator, { action: "duplicate", ids: [a.id], originalId: b.id });
    expect(r.done).toEqual([a.id]);
    const after = await db().message.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.status).toBe("rejected");
    expect(after.duplicateOfId).toBe(b.id);
    expect(await db().messageLink.count({ where: { fromId: a.id, toId: b.id, kind: "duplicate" } })).toBe(1);
  });
});
