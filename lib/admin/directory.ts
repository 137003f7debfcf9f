import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/session";

export async function listUsers() {
  await authorize("admin.settings");
  return db().user.findMany({
    orderBy: [{ role: "asc" }, { fullName: "asc" }],
    select: {
      id: true,
      login: true,
      fullName: true,
      email: true,
      role: true,
      active: true,
      lockedUntil: true,
      lastLoginAt: true,
      block: { select: { shortName: true } },
      curatedBlocks: { select: { block: { select: { shortName: true } } } },
    },
  });
}

export async function listBlocks() {
  await authorize("admin.settings");
  return db().block.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      shortName: true,
      topics: { select: { name: true }, orderBy: { sortOrder: "asc" } },
      members: { where: { role: "block_head" }, select: { fullName: true } },
      curators: { select: { user: { select: { fullName: true } } } },
      _count: { select: { messages: true } },
    },
  });
}

export async function listTopics() {
  await authorize("admin.settings");
  return db().topic.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      block: { select: { shortName: true } },
      _count: { select: { messages: true, categoryMap: true } },
    },
  });
}

/** The numbers on the admin home page. */
export async function adminOverviewCounts() {
  await authorize("admin.settings");
  const [users, blocks, topics, quarantined] = await Promise.all([
    db().user.count(),
    db().block.count(),
    db().topic.count(),
    db().quarantinedPayload.count({ where: { status: "pending" } }),
  ]);
  return { users, blocks, topics, quarantined };
}

/** Blocks to choose from in the new-account form. */
export async function listBlockChoices() {
  await authorize("admin.settings");
  return db().block.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
}
