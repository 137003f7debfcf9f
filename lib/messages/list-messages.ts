import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { messageScope } from "./scope";
import { deadlineStateOf, type DeadlineStateCode } from "./deadline";
import type { StatusCode } from "./labels";
import { previewFor } from "@/lib/privacy/viewer";

const STATUS = [
  "new",
  "routed",
  "in_work",
  "answer_review",
  "awaiting_contact",
  "answered",
  "closed",
  "reopened",
  "returned",
  "redirected",
  "extension_requested",
  "rejected",
] as const;
const CHANNEL = ["pos", "incident", "smls", "sakhalin"] as const;

/** Forgiving in the browser: a bad value falls back to its default instead of throwing. */
export const listParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce.number().int().min(10).max(100).catch(50),
  status: z.enum(STATUS).optional().catch(undefined),
  channel: z.enum(CHANNEL).optional().catch(undefined),
  sort: z.enum(["registered_desc", "registered_asc", "due_asc"]).catch("registered_desc"),
});
export type ListParams = z.infer<typeof listParamsSchema>;

export type MessageRow = {
  id: number;
  channel: (typeof CHANNEL)[number];
  status: StatusCode;
  preview: string;
  topic: string | null;
  block: string | null;
  locality: string | null;
  registeredAt: string;
  dueAt: string | null;
  deadlineState: DeadlineStateCode;
};

export type ListResult<T> = { data: T[]; count: number; page: number; perPage: number; totalPages: number };

export async function listMessages(user: CurrentUser, raw: Record<string, unknown>): Promise<ListResult<MessageRow>> {
  const p = listParamsSchema.parse(raw);
  const where: Prisma.MessageWhereInput = {
    AND: [messageScope(user), p.status ? { status: p.status } : {}, p.channel ? { channel: p.channel } : {}],
  };
  const orderBy: Prisma.MessageOrderByWithRelationInput[] =
    p.sort === "due_asc"
      ? [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]
      : p.sort === "registered_asc"
        ? [{ registeredAt: "asc" }, { id: "asc" }]
        : [{ registeredAt: "desc" }, { id: "desc" }];
  const [rows, count] = await Promise.all([
    db().message.findMany({
      where,
      orderBy,
      skip: (p.page - 1) * p.perPage,
      take: p.perPage,
      select: {
        id: true,
        channel: true,
        status: true,
        textClean: true,
        title: true,
        locality: true,
        registeredAt: true,
        dueAt: true,
        atRiskAt: true,
        topic: { select: { name: true } },
        block: { select: { shortName: true } },
      },
    }),
    db().message.count({ where }),
  ]);
  const now = new Date();
  return {
    data: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      status: r.status,
      preview: previewFor(user, r.title, r.textClean.slice(0, 200), 160),
      topic: r.topic?.name ?? null,
      block: r.block?.shortName ?? null,
      locality: r.locality,
      registeredAt: r.registeredAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      deadlineState: deadlineStateOf(r, now),
    })),
    count,
    page: p.page,
    perPage: p.perPage,
    totalPages: Math.max(1, Math.ceil(count / p.perPage)),
  };
}
