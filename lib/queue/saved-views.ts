import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { parseQueueParams, serializeQueueParams } from "./params";

export type SavedViewRow = { id: number; name: string; query: string };

// The МЦУ curator reads the queue (from dashboards) and may keep views of it too.

/** The user's own named views, alphabetically. */
export async function listSavedViews(user: CurrentUser): Promise<SavedViewRow[]> {
  assertCan(user, "queue.read");
  return db().savedView.findMany({
    where: { userId: user.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
}

const saveSchema = z.object({
  name: text({ max: TEXT_LIMITS.viewName, min: 1, minMessage: "Введите название вида." }),
  query: z.string().max(2000).default(""),
});

/** Saves the current URL query under a name (the same name replaces the older view). The query is
 * re-parsed and written in canonical form without the page, so a view always opens on page 1. */
export async function saveView(user: CurrentUser, raw: unknown): Promise<SavedViewRow> {
  assertCan(user, "queue.read");
  const input = parseInput(saveSchema, raw);
  const query = serializeQueueParams(
    parseQueueParams(Object.fromEntries(new URLSearchParams(input.query.replace(/^\?/, "")))),
    { page: false },
  );
  return db().savedView.upsert({
    where: { userId_name: { userId: user.id, name: input.name } },
    update: { query },
    create: { userId: user.id, name: input.name, query },
    select: { id: true, name: true, query: true },
  });
}

/** Deletes one of the user's own views; someone else's id is simply not found. */
export async function deleteSavedView(user: CurrentUser, rawId: unknown): Promise<void> {
  assertCan(user, "queue.read");
  const id = parseInput(idSchema, rawId);
  const r = await db().savedView.deleteMany({ where: { id, userId: user.id } });
  if (r.count === 0) throw new AppError("not_found", "Вид не найден.");
}
