import "server-only";
import { readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { attachmentsDir } from "./attachments";

const HOUR = 3_600_000;
const BATCH = 500;

/** Removes files in the attachments folder that no answer_attachments row refers to: bytes of an
 * upload refused after storing (a race the pre-checks cannot see), of files removed from a draft,
 * and temporary files of interrupted writes. Only files untouched for `olderThanMs` go, so an
 * upload whose row is still being written keeps its file (storing touches a reused file). */
export async function sweepOrphanAttachments(
  opts: { olderThanMs?: number; now?: number } = {},
): Promise<{ removed: string[] }> {
  const cutoff = (opts.now ?? Date.now()) - (opts.olderThanMs ?? HOUR);
  const dir = attachmentsDir();
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [] as string[];
    throw e;
  });
  const isOld = async (name: string) => {
    const s = await stat(path.join(dir, name)).catch(() => null);
    return !!s && s.isFile() && s.mtimeMs < cutoff;
  };
  const candidates: string[] = [];
  for (const name of names)
    if ((/^[0-9a-f]{64}$/.test(name) || /^[0-9a-f]{64}\.[0-9a-f]+\.tmp$/.test(name)) && (await isOld(name)))
      candidates.push(name);
  const removed: string[] = [];
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const hashes = batch.filter((n) => !n.endsWith(".tmp"));
    const rows = hashes.length
      ? await db().answerAttachment.findMany({
          where: { sha256: { in: hashes } },
          select: { sha256: true },
          distinct: ["sha256"],
        })
      : [];
    const referenced = new Set(rows.map((r) => r.sha256));
    for (const name of batch) {
      if (referenced.has(name)) continue;
      if (!(await isOld(name))) continue; // reused by an upload since it was listed
      await unlink(path.join(dir, name)).then(
        () => removed.push(name),
        () => undefined,
      );
    }
  }
  return { removed };
}
