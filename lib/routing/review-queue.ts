import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/session";
import type { ListResult } from "@/lib/messages/list-messages";
import { OPEN_STATUSES } from "@/lib/messages/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RerouteBlockOption, RerouteTopicOption } from "./types";

const paramsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce.number().int().min(5).max(100).catch(20),
});

export type ReviewRow = Omit<Prisma.MessageGetPayload<{ select: typeof REVIEW_SELECT }>, "textClean"> & {
  preview: string;
};

const REVIEW_SELECT = {
  id: true,
  channel: true,
  status: true,
  title: true,
  textClean: true,
  locality: true,
  registeredAt: true,
  sourceCategory: true,
  sourceSubcategory: true,
  topicId: true,
  topicSource: true,
  topicConfidence: true,
  topicReason: true,
  blockId: true,
  blockSource: true,
  blockReason: true,
  topic: { select: { name: true } },
} as const;

/**
 * «Требует разбора»: open messages the router could not place with confidence (unknown topic or a
 * low-confidence text decision), newest first. The (needs_review, status) index serves the filter.
 */
export async function listNeedsReview(raw: Record<string, unknown>): Promise<ListResult<ReviewRow>> {
  await authorize("message.triage");
  const p = paramsSchema.parse(raw);
  const where: Prisma.MessageWhereInput = { needsReview: true, status: { in: OPEN_STATUSES } };
  const [rows, count] = await Promise.all([
    db().message.findMany({
      where,
      orderBy: [{ registeredAt: "desc" }, { id: "desc" }],
      skip: (p.page - 1) * p.perPage,
      take: p.perPage,
      select: REVIEW_SELECT,
    }),
    db().message.count({ where }),
  ]);
  return {
    // The full text can be 20,000 characters; the list shows a preview, the message page the rest.
    data: rows.map(({ textClean, ...r }) => ({
      ...r,
      preview: textClean.length > 600 ? `${textClean.slice(0, 600)}…` : textClean,
    })),
    count,
    page: p.page,
    perPage: p.perPage,
    totalPages: Math.max(1, Math.ceil(count / p.perPage)),
  };
}

/** Choices for the reroute form (topics with their default block, blocks). */
export async function rerouteOptions(): Promise<{ topics: RerouteTopicOption[]; blocks: RerouteBlockOption[] }> {
  await authorize("message.triage");
  const [topics, blocks] = await Promise.all([
    db().topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, blockId: true } }),
    db().block.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, shortName: true } }),
  ]);
  return { topics, blocks: blocks.map((b) => ({ id: b.id, name: b.shortName })) };
}
