// A refused attachment writes nothing to disk (everything is checked before storing), and the
// periodic sweep removes old files no answer refers to.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { saveAttachment } from "@/lib/workflow/attachments";
import { removeAttachment } from "@/lib/workflow/remove-attachment";
import { sweepOrphanAttachments } from "@/lib/workflow/attachment-sweep";
import { PERIODIC_JOBS } from "@/lib/jobs/periodic";
import { ensureSeeded } from "../support/seeded";
import { expectAppError, makeMessage, userOf } from "./workflow-support";

// Files go to a throwaway folder; hoisted because env() is read (and cached) while imports load.
const dataDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "mcu-orphans-"));
  process.env.DATA_DIR = dir;
  return dir;
});
const folder = path.join(dataDir, "attachments");
const listing = () => (existsSync(folder) ? readdirSync(folder).sort() : []);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
beforeAll(async () => {
  await ensureSeeded();
});

// A distinct PNG each call, so a refused upload would show up as a new file.
const pngBytes = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(16)]);
const file = (name: string, bytes = pngBytes()) => new File([bytes], name, { type: "image/png" });
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("refused uploads store nothing", () => {
  it("status, the 10-file limit, role, block and type are all checked before the file is written", async () => {
    const head = await userOf("head_zhkh");
    const routed = await makeMessage({ status: "routed" });
    const full = await makeMessage({ status: "in_work" });
    for (let i = 0; i < 10; i++) await saveAttachment(head, { messageId: full.id, file: file(`${i}.png`) });
    const before = listing();
    expect(before).toHaveLength(10);

    await expectAppError(
      saveAttachment(head, { messageId: routed.id, file: file("a.png") }),
      "invalid_transition",
      /пока сообщение в работе/,
    );
    await expectAppError(
      saveAttachment(head, { messageId: full.id, file: file("b.png") }),
      "invalid_input",
      /не больше 10 файлов/,
    );
    await expectAppError(
      saveAttachment(await userOf("coordinator"), { messageId: full.id, file: file("c.png") }),
      "forbidden",
    );
    await expectAppError(
      saveAttachment(await userOf("head_edu"), { messageId: full.id, file: file("d.png") }),
      "not_found",
    );
    await expectAppError(
      saveAttachment(head, { messageId: full.id, file: file("e.pdf") }),
      "invalid_input",
      /не похоже на PDF/,
    );
    await expectAppError(
      saveAttachment(head, { messageId: full.id, file: file("f.exe") }),
      "invalid_input",
      /PDF, JPG, PNG/,
    );
    expect(listing()).toEqual(before);
  });
});

describe("orphan sweep", () => {
  it("is a periodic job of the worker", () => {
    expect(PERIODIC_JOBS.find((j) => j.name === "attachment-sweep")?.everySeconds).toBeGreaterThan(0);
  });

  it("removes old files no row refers to and keeps referenced and fresh ones", async () => {
    const head = await userOf("head_zhkh");
    const m = await makeMessage({ status: "in_work" });
    const keptBytes = pngBytes();
    await saveAttachment(head, { messageId: m.id, file: file("kept.png", keptBytes) });
    const removedBytes = pngBytes();
    const { attachmentId } = await saveAttachment(head, { messageId: m.id, file: file("removed.png", removedBytes) });
    await removeAttachment(head, { messageId: m.id, attachmentId }); // its bytes stay behind: an orphan
    mkdirSync(folder, { recursive: true });
    const stray = sha(randomBytes(32));
    writeFileSync(path.join(folder, stray), "orphan");
    const tmp = `${sha(randomBytes(32))}.a1b2c3.tmp`;
    writeFileSync(path.join(folder, tmp), "half written");
    const fresh = sha(randomBytes(32));
    writeFileSync(path.join(folder, fresh), "just stored, row not yet written");
    writeFileSync(path.join(folder, "README"), "not ours");
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const n of [sha(keptBytes), sha(removedBytes), stray, tmp, "README"])
      utimesSync(path.join(folder, n), twoHoursAgo, twoHoursAgo);

    const r = await sweepOrphanAttachments();
    expect(r.removed.sort()).toEqual([sha(removedBytes), stray, tmp].sort());
    const left = listing();
    expect(left).toContain(sha(keptBytes));
    expect(left).toContain(fresh);
    expect(left).toContain("README");
    for (const n of r.removed) expect(left).not.toContain(n);
  });
});
