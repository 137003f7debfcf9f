// Creating a problem and attaching messages to it. No "server-only" import: the clustering job runs
// in the worker and at the end of the demo seed, outside the Next.js bundle (audit() is loaded
// lazily for the same reason, only when a person is the author).
import type { Tx } from "@/lib/db";

export type ProblemOriginCode = "auto" | "manual" | "growth";

export type CreateProblemInput = {
  title: string;
  topicId: number | null;
  locality: string | null;
  address?: string | null;
  messageIds: number[];
  origin: ProblemOriginCode;
  createdById: number | null;
};

/**
 * Creates a problem and attaches those of `messageIds` that have no active membership (a message
 * already in another problem stays where it is). first_at / last_at span the attached messages'
 * registration times (all given messages when none could be attached, now() when none are given).
 */
export async function createProblem(tx: Tx, input: CreateProblemInput): Promise<{ id: number }> {
  const ids = [...new Set(input.messageIds)];
  const span = await messagesSpan(tx, ids);
  const now = new Date();
  const problem = await tx.problem.create({
    data: {
      title: input.title.trim().slice(0, 300) || "Без названия",
      topicId: input.topicId,
      locality: input.locality,
      address: input.address ?? null,
      origin: input.origin,
      createdById: input.createdById,
      firstAt: span.first ?? now,
      lastAt: span.last ?? now,
    },
    select: { id: true },
  });
  const attached = await attachMessages(tx, problem.id, ids, input.createdById);
  await refreshProblemSpan(tx, problem.id);
  if (input.createdById != null) {
    const { audit } = await import("@/lib/audit");
    await audit(
      {
        actorId: input.createdById,
        action: "problem.create",
        entity: "problem",
        entityId: problem.id,
        data: { origin: input.origin, title: input.title, attached },
      },
      tx,
    );
  }
  return problem;
}

/**
 * Attaches messages that have no active membership; returns the ids actually attached. The
 * partial unique index «one active membership per message» makes this safe against a concurrent
 * attach: the loser's row is simply skipped.
 */
export async function attachMessages(
  tx: Tx,
  problemId: number,
  messageIds: number[],
  actorId: number | null,
): Promise<number[]> {
  if (!messageIds.length) return [];
  const rows = await tx.$queryRaw<{ message_id: number }[]>`
    INSERT INTO problem_messages (problem_id, message_id, added_by_id)
    SELECT ${problemId}, m.id, ${actorId}::int FROM messages m WHERE m.id = ANY(${messageIds}::int[])
    ORDER BY m.id
    ON CONFLICT (message_id) WHERE detached_at IS NULL DO NOTHING
    RETURNING message_id`;
  return rows.map((r) => r.message_id);
}

/** Recomputes first_at / last_at from the active members (kept as they are when none is left). */
export async function refreshProblemSpan(tx: Tx, problemId: number): Promise<void> {
  await refreshProblemSpans(tx, [problemId]);
}

/** The same for many problems in one statement. */
export async function refreshProblemSpans(tx: Tx, problemIds: number[]): Promise<void> {
  if (!problemIds.length) return;
  await tx.$executeRaw`
    UPDATE problems p SET first_at = s.first_at, last_at = s.last_at, updated_at = now()
    FROM (SELECT pm.problem_id, min(m.registered_at) AS first_at, max(m.registered_at) AS last_at
          FROM problem_messages pm JOIN messages m ON m.id = pm.message_id
          WHERE pm.problem_id = ANY(${problemIds}::int[]) AND pm.detached_at IS NULL
          GROUP BY pm.problem_id) s
    WHERE p.id = s.problem_id`;
}

async function messagesSpan(tx: Tx, ids: number[]): Promise<{ first: Date | null; last: Date | null }> {
  if (!ids.length) return { first: null, last: null };
  const [row] = await tx.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(registered_at) AS first, max(registered_at) AS last FROM messages WHERE id = ANY(${ids}::int[])`;
  return row ?? { first: null, last: null };
}
