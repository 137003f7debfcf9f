import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { saveAttachment } from "@/lib/workflow/attachments";
import { readAttachment } from "@/lib/workflow/read-attachment";
import { removeAttachment } from "@/lib/workflow/remove-attachment";
import { submitAnswer } from "@/lib/workflow/submit-answer";
import { notifyAssigned } from "@/lib/notifications/notify-assigned";
import { ensureSeeded } from "../support/seeded";
import { GOOD_ANSWER, expectAppError, makeMessage, userOf } from "./workflow-support";

// Files go to a throwaway folder. Hoisted above the imports because env() is first read (and
// cached) while they load.
const dataDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "mcu-att-"));
  process.env.DATA_DIR = dir;
  return dir;
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

beforeAll(async () => {
  await ensureSeeded();
});

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const file = (name: string, bytes: Uint8Array<ArrayBuffer>) =>
  new File([bytes], name, { type: "application/octet-stream" });

describe("answer attachments", () => {
  it("stores the file by its sha256, attaches it to the draft and serves it only within scope", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "in_work" });
    const { attachmentId } = await saveAttachment(head, { messageId: m.id, file: file("../../акт.png", png) });
    const sha = createHash("sha256").update(png).digest("hex");
    const row = await db().answerAttachment.findUniqueOrThrow({
      where: { id: attachmentId },
      include: { answer: true },
    });
    expect(row).toMatchObject({
      fileName: "акт.png",
      mime: "image/png",
      size: png.length,
      sha256: sha,
      storagePath: `attachments/${sha}`,
    });
    expect(row.answer.status).toBe("draft");
    expect(readFileSync(path.join(dataDir, "attachments", sha))).toEqual(Buffer.from(png));
    const got = await readAttachment(head, m.id, attachmentId);
    expect(got).toMatchObject({ fileName: "акт.png", mime: "image/png" });
    await expectAppError(readAttachment(await userOf("head_edu"), m.id, attachmentId), "not_found");
    await expectAppError(readAttachment(head, m.id + 1, attachmentId), "not_found");
    // Submitted rounds keep their files; only the draft's can be removed.
    await submitAnswer(head, { messageId: m.id, text: GOOD_ANSWER });
    await expectAppError(removeAttachment(head, { messageId: m.id, attachmentId }), "not_found");
  });

  it("refuses disguised or foreign uploads before storing anything", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "in_work" });
    await expectAppError(
      saveAttachment(head, { messageId: m.id, file: file("run.exe", png) }),
      "invalid_input",
      /PDF, JPG, PNG, DOCX и XLSX/,
    );
    await expectAppError(
      saveAttachment(head, { messageId: m.id, file: file("fake.pdf", png) }),
      "invalid_input",
      /не похоже на PDF/,
    );
    const other = new Uint8Array([...png, 42]);
    await expectAppError(
      saveAttachment(await userOf("head_edu"), { messageId: m.id, file: file("a.png", other) }),
      "not_found",
    );
    expect(existsSync(path.join(dataDir, "attachments", createHash("sha256").update(other).digest("hex")))).toBe(false);
    const { attachmentId } = await saveAttachment(head, { messageId: m.id, file: file("b.png", other) });
    await removeAttachment(head, { messageId: m.id, attachmentId });
    expect(await db().answerAttachment.count({ where: { id: attachmentId } })).toBe(0);
  });
});

describe("notifyAssigned", () => {
  it("tells the block head once per routed message", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "routed" });
    const items = [{ messageId: m.id, blockId: m.blockId! }];
    expect(await db().$transaction((tx) => notifyAssigned(tx, items))).toBe(1);
    expect(await db().$transaction((tx) => notifyAssigned(tx, items))).toBe(0);
    expect(await db().notification.count({ where: { userId: head.id, messageId: m.id, kind: "assigned" } })).toBe(1);
  });
});
