import "server-only";
import { z } from "zod";
import { NUMBER_LIMITS, TEXT_LIMITS, cleanText, intInRange, text, tooLongMessage } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { CHANNEL_CODES } from "@/lib/channels/types";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { splitKeywords } from "@/lib/routing/keywords";

// Routing settings of the МЦУ head: topic → block mapping, ordered rules, ПОС category → topic.
// Every change is audited with the values before and after; ingestion reads these tables at the
// start of every page, so a change applies to the next pulled messages (stored ones stay as they are).

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalRef = (msg: string) =>
  z.preprocess(blank, z.coerce.number({ error: msg }).int(msg).positive(msg).max(2_147_483_647, msg).optional());
// Not `.optional()`: zod skips absent optional keys entirely, so a refine would never run.
const requiredRef = (msg: string) =>
  z.preprocess(blank, z.coerce.number({ error: msg }).int(msg).positive(msg).max(2_147_483_647, msg));

export async function getRoutingAdmin() {
  await authorize("admin.settings");
  const [topics, blocks, rules, categories] = await Promise.all([
    db().topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true, blockId: true } }),
    db().block.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, shortName: true } }),
    db().routingRule.findMany({
      orderBy: [{ active: "desc" }, { priority: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        priority: true,
        active: true,
        keywords: true,
        channel: true,
        locality: true,
        topicId: true,
        blockId: true,
        updatedAt: true,
      },
    }),
    db().posCategoryMapping.findMany({
      orderBy: [{ category: "asc" }, { subcategory: "asc" }],
      select: { id: true, category: true, subcategory: true, topicId: true },
    }),
  ]);
  return { topics, blocks, rules, categories };
}

export type RoutingAdmin = Awaited<ReturnType<typeof getRoutingAdmin>>;

// ---- topic → block -------------------------------------------------------------------------

const topicBlockSchema = z.object({ topicId: idSchema, blockId: idSchema });

export async function setTopicBlock(raw: unknown): Promise<void> {
  const user = await authorize("admin.settings");
  const { topicId, blockId } = parseInput(topicBlockSchema, raw);
  await db().$transaction(async (tx) => {
    const topic = await tx.topic.findUnique({
      where: { id: topicId },
      select: { code: true, block: { select: { code: true } } },
    });
    if (!topic) throw new AppError("not_found", "Тема не найдена.");
    const block = await tx.block.findUnique({ where: { id: blockId }, select: { code: true } });
    if (!block) throw new AppError("invalid_input", "Такого блока нет.", { blockId: ["Такого блока нет."] });
    if (block.code === topic.block.code) return;
    await tx.topic.update({ where: { id: topicId }, data: { blockId } });
    await audit(
      {
        actorId: user.id,
        action: "topic_block_changed",
        entity: "topic",
        entityId: topic.code,
        data: { from: topic.block.code, to: block.code },
      },
      tx,
    );
  });
}

// ---- routing rules -------------------------------------------------------------------------

const ruleSchema = z.object({
  id: z.preprocess(blank, idSchema.optional()),
  name: text({
    max: TEXT_LIMITS.name,
    min: 3,
    minMessage: "Название не короче 3 символов.",
    requiredMessage: "Укажите название правила.",
  }),
  priority: z.preprocess(
    blank,
    intInRange(NUMBER_LIMITS.rulePriority.min, NUMBER_LIMITS.rulePriority.max, "Приоритет").optional(),
  ),
  // The list as typed must fit the field's limit; a longer string is left unsplit so the array
  // check refuses it with the limit's message.
  keywords: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v.length > TEXT_LIMITS.keywords
          ? v
          : splitKeywords(cleanText(v))
        : Array.isArray(v)
          ? v
          : [],
    z
      .array(
        text({
          max: TEXT_LIMITS.keyword,
          min: 2,
          minMessage: "Каждое ключевое слово — не короче 2 символов.",
          maxMessage: `Ключевое слово не длиннее ${TEXT_LIMITS.keyword} символов.`,
        }),
        { error: tooLongMessage(TEXT_LIMITS.keywords) },
      )
      .max(100, "Не больше 100 ключевых слов в правиле."),
  ),
  channel: z.preprocess(blank, z.enum(CHANNEL_CODES, { error: "Неизвестный канал." }).optional()),
  locality: z.preprocess(blank, text({ max: TEXT_LIMITS.name }).optional()),
  topicId: optionalRef("Выберите тему из списка."),
  blockId: requiredRef("Выберите блок, куда направлять."),
});

export type SavedRule = { id: number; created: boolean };

/** Creates (no id) or edits a rule. A rule must have a condition: decide() never applies a rule
 * without one, so saving it would only mislead. */
export async function saveRule(raw: unknown): Promise<SavedRule> {
  const user = await authorize("admin.settings");
  const input = parseInput(ruleSchema, raw);
  if (!input.keywords.length && !input.channel && !input.locality && input.topicId === undefined) {
    throw new AppError(
      "invalid_input",
      "Укажите хотя бы одно условие: ключевые слова, канал, населённый пункт или тему.",
      {
        keywords: ["Укажите хотя бы одно условие: ключевые слова, канал, населённый пункт или тему."],
      },
    );
  }
  return db().$transaction(async (tx) => {
    const block = await tx.block.findUnique({ where: { id: input.blockId }, select: { id: true } });
    const topic =
      input.topicId === undefined
        ? null
        : await tx.topic.findUnique({ where: { id: input.topicId }, select: { id: true } });
    if (!block) throw new AppError("invalid_input", "Такого блока нет.", { blockId: ["Такого блока нет."] });
    if (input.topicId !== undefined && !topic)
      throw new AppError("invalid_input", "Такой темы нет.", { topicId: ["Такой темы нет."] });
    const data = {
      name: input.name,
      keywords: input.keywords,
      channel: input.channel ?? null,
      locality: input.locality ?? null,
      topicId: input.topicId ?? null,
      blockId: input.blockId,
    };
    if (input.id === undefined) {
      const last = await tx.routingRule.aggregate({ _max: { priority: true } });
      const priority = input.priority ?? (last._max.priority ?? 0) + 10;
      const r = await tx.routingRule.create({
        data: { ...data, priority, createdById: user.id },
        select: { id: true },
      });
      await audit(
        {
          actorId: user.id,
          action: "routing_rule_created",
          entity: "routing_rule",
          entityId: r.id,
          data: { ...data, priority },
        },
        tx,
      );
      return { id: r.id, created: true };
    }
    const before = await tx.routingRule.findUnique({ where: { id: input.id } });
    if (!before) throw new AppError("not_found", "Правило не найдено.");
    const priority = input.priority ?? before.priority;
    await tx.routingRule.update({ where: { id: input.id }, data: { ...data, priority } });
    await audit(
      {
        actorId: user.id,
        action: "routing_rule_updated",
        entity: "routing_rule",
        entityId: input.id,
        data: {
          before: {
            name: before.name,
            priority: before.priority,
            keywords: before.keywords,
            channel: before.channel,
            locality: before.locality,
            topicId: before.topicId,
            blockId: before.blockId,
          },
          after: { ...data, priority },
        },
      },
      tx,
    );
    return { id: input.id, created: false };
  });
}

const activeSchema = z.object({ id: idSchema, active: z.preprocess((v) => v === true || v === "true", z.boolean()) });

/** Rules are deactivated, never deleted: old messages' reasons still name them. */
export async function setRuleActive(raw: unknown): Promise<void> {
  const user = await authorize("admin.settings");
  const { id, active } = parseInput(activeSchema, raw);
  const r = await db().routingRule.updateMany({ where: { id }, data: { active } });
  if (r.count === 0) throw new AppError("not_found", "Правило не найдено.");
  await audit({
    actorId: user.id,
    action: active ? "routing_rule_activated" : "routing_rule_deactivated",
    entity: "routing_rule",
    entityId: id,
  });
}

const moveSchema = z.object({ id: idSchema, direction: z.enum(["up", "down"], { error: "Неверное направление." }) });

/** Moves an active rule one place up or down in the evaluation order. Priorities are renumbered
 * 10, 20, 30… so equal or crowded numbers never make a move a no-op. */
export async function moveRule(raw: unknown): Promise<void> {
  const user = await authorize("admin.settings");
  const { id, direction } = parseInput(moveSchema, raw);
  await db().$transaction(async (tx) => {
    const rules = await tx.routingRule.findMany({
      where: { active: true },
      orderBy: [{ priority: "asc" }, { id: "asc" }],
      select: { id: true, priority: true },
    });
    const i = rules.findIndex((r) => r.id === id);
    if (i < 0) throw new AppError("not_found", "Активное правило не найдено.");
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= rules.length) return;
    const order = rules.map((r) => r.id);
    [order[i], order[j]] = [order[j], order[i]];
    for (const [k, ruleId] of order.entries()) {
      const priority = (k + 1) * 10;
      if (rules.find((r) => r.id === ruleId)!.priority !== priority)
        await tx.routingRule.update({ where: { id: ruleId }, data: { priority } });
    }
    await audit(
      {
        actorId: user.id,
        action: "routing_rule_moved",
        entity: "routing_rule",
        entityId: id,
        data: { direction, order },
      },
      tx,
    );
  });
}

// ---- ПОС category → topic --------------------------------------------------------------------

const categorySchema = z.object({
  id: z.preprocess(blank, idSchema.optional()),
  category: text({ max: TEXT_LIMITS.title, min: 1, minMessage: "Укажите категорию." }),
  subcategory: z.preprocess((v) => (v == null ? "" : v), text({ max: TEXT_LIMITS.title })),
  topicId: requiredRef("Выберите тему."),
});

/** Adds a mapping (no id) or changes an existing one. An empty subcategory is the category-wide row. */
export async function saveCategoryMapping(raw: unknown): Promise<{ id: number; created: boolean }> {
  const user = await authorize("admin.settings");
  const input = parseInput(categorySchema, raw);
  return db().$transaction(async (tx) => {
    const topic = await tx.topic.findUnique({ where: { id: input.topicId }, select: { code: true } });
    if (!topic) throw new AppError("invalid_input", "Такой темы нет.", { topicId: ["Такой темы нет."] });
    const clash = await tx.posCategoryMapping.findUnique({
      where: { category_subcategory: { category: input.category, subcategory: input.subcategory } },
      select: { id: true },
    });
    if (clash && clash.id !== input.id) {
      throw new AppError(
        "conflict",
        "Такая категория и подкатегория уже есть в таблице — измените существующую строку.",
      );
    }
    const data = { category: input.category, subcategory: input.subcategory, topicId: input.topicId };
    if (input.id === undefined) {
      const r = await tx.posCategoryMapping.create({ data, select: { id: true } });
      await audit(
        {
          actorId: user.id,
          action: "category_mapping_created",
          entity: "pos_category_mapping",
          entityId: r.id,
          data: { ...data, topic: topic.code },
        },
        tx,
      );
      return { id: r.id, created: true };
    }
    const before = await tx.posCategoryMapping.findUnique({
      where: { id: input.id },
      include: { topic: { select: { code: true } } },
    });
    if (!before) throw new AppError("not_found", "Строка таблицы категорий не найдена.");
    await tx.posCategoryMapping.update({ where: { id: input.id }, data });
    await audit(
      {
        actorId: user.id,
        action: "category_mapping_updated",
        entity: "pos_category_mapping",
        entityId: input.id,
        data: {
          before: { category: before.category, subcategory: before.subcategory, topic: before.topic.code },
          after: { ...data, topic: topic.code },
        },
      },
      tx,
    );
    return { id: input.id, created: false };
  });
}
