// Idempotent demo/reference seed: re-running it changes nothing that exists.
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { DEFAULT_POLICIES, REGIMES } from "@/lib/deadlines";
import { POS_CATEGORIES } from "@/lib/demo/pos-categories";
import { BLOCKS, CHANNELS, DEMO_PASSWORD, DEMO_USERS, TOPIC_DEFS } from "./reference";
import { seedDemoMessages } from "./demo-messages";
import { seedDemoSpike } from "./demo-spike";
import { clusterProblems } from "@/lib/problems/cluster";

export type SeedResult = { users: number; messagesCreated: number };

export async function seedReference(db: Db): Promise<void> {
  for (const [i, b] of BLOCKS.entries()) {
    await db.block.upsert({ where: { code: b.code }, update: {}, create: { ...b, sortOrder: i } });
  }
  const blocks = new Map((await db.block.findMany({ select: { id: true, code: true } })).map((b) => [b.code, b.id]));
  for (const [i, t] of TOPIC_DEFS.entries()) {
    await db.topic.upsert({
      where: { code: t.code },
      update: {},
      create: { code: t.code, name: t.name, blockId: blocks.get(t.block)!, sortOrder: i },
    });
  }
  const topics = new Map((await db.topic.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  for (const c of POS_CATEGORIES) {
    await db.posCategoryMapping.upsert({
      where: { category_subcategory: { category: c.name, subcategory: "" } },
      update: {},
      create: { category: c.name, subcategory: "", topicId: topics.get(c.topic)! },
    });
    for (const s of c.subcategories) {
      await db.posCategoryMapping.upsert({
        where: { category_subcategory: { category: c.name, subcategory: s.name } },
        update: {},
        create: { category: c.name, subcategory: s.name, topicId: topics.get(s.topic ?? c.topic)! },
      });
    }
  }
  for (const regime of REGIMES) {
    const p = DEFAULT_POLICIES[regime];
    await db.deadlinePolicy.upsert({
      where: { regime },
      update: {},
      create: {
        regime,
        answerDays: p.answerDays,
        answerUnit: p.answerUnit,
        firstReactionDays: p.firstReactionDays ?? null,
        firstReactionUnit: p.firstReactionUnit ?? null,
        extensionDays: p.extensionDays,
        extensionUnit: p.extensionUnit,
        maxExtensions: p.maxExtensions,
        registrationDays: p.registrationDays ?? null,
        atRiskShare: p.atRiskShare,
      },
    });
  }
  for (const c of CHANNELS) {
    await db.channel.upsert({
      where: { code: c.code },
      update: {},
      create: { code: c.code, name: c.name, baseUrl: `http://127.0.0.1:${c.port}` },
    });
  }
}

export async function seedDemoUsers(db: Db): Promise<number> {
  const blocks = new Map((await db.block.findMany({ select: { id: true, code: true } })).map((b) => [b.code, b.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { login: u.login },
      update: {},
      create: {
        login: u.login,
        passwordHash,
        fullName: u.fullName,
        role: u.role,
        blockId: u.block ? blocks.get(u.block) : null,
        email: `${u.login}@kholmsk.example`,
      },
    });
    for (const code of u.curates ?? []) {
      await db.blockCurator.upsert({
        where: { blockId_userId: { blockId: blocks.get(code)!, userId: user.id } },
        update: {},
        create: { blockId: blocks.get(code)!, userId: user.id },
      });
    }
  }
  return DEMO_USERS.length;
}

export async function seedAll(db: Db, opts: { messages?: number; now?: Date } = {}): Promise<SeedResult> {
  await seedReference(db);
  const users = await seedDemoUsers(db);
  const seedStart = new Date(Date.now() - 1000);
  const messagesCreated = await seedDemoMessages(db, { count: opts.messages ?? 320, now: opts.now ?? new Date() });
  // Group the related demo messages into «комплексные проблемы» (only the seed's own: a database
  // that already holds other messages is the worker's to group, not the seed's).
  if (messagesCreated > 0) await clusterProblems({ client: db, now: opts.now, createdSince: seedStart });
  // A growth for «Причины роста» to find (after clustering, so the coordinator can turn it into a problem).
  const spikeCreated = await seedDemoSpike(db, { now: opts.now ?? new Date() });
  return { users, messagesCreated: messagesCreated + spikeCreated };
}
