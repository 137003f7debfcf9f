// Saved report definitions: the owner saves, renames, shares, unshares and deletes their own;
// everyone with reports sees the shared ones of others read-only and may copy them. A report
// definition is configuration, not residents' data, so deleting it is a real delete (audited).
import "server-only";
import { z } from "zod";
import { TEXT_LIMITS, text } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/guards";
import { idSchema, parseInput } from "@/lib/workflow/validate";
import { configError, reportConfigSchema, type ReportConfig } from "./report-config";

export type SavedReportRow = {
  id: number;
  name: string;
  shared: boolean;
  config: ReportConfig | null;
  updatedAt: string;
};
export type SharedReportRow = SavedReportRow & { ownerName: string };
export type SavedReportView = SavedReportRow & { own: boolean; ownerName: string };

const name = text({ max: TEXT_LIMITS.reportName, min: 1, minMessage: "Введите название отчёта." });

const SELECT = {
  id: true,
  name: true,
  shared: true,
  config: true,
  updatedAt: true,
  owner: { select: { fullName: true } },
  ownerId: true,
} as const;
type Loaded = {
  id: number;
  name: string;
  shared: boolean;
  config: unknown;
  updatedAt: Date;
  ownerId: number;
  owner: { fullName: string };
};

/** A stored config that no longer validates (the schema moved on) opens as null, not as a crash. */
function row(r: Loaded): SavedReportRow {
  const c = reportConfigSchema.safeParse(r.config);
  return {
    id: r.id,
    name: r.name,
    shared: r.shared,
    config: c.success ? c.data : null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function parseConfig(raw: unknown): ReportConfig {
  const c = reportConfigSchema.safeParse(raw);
  if (!c.success) throw new AppError("invalid_input", configError(c.error));
  return c.data;
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code?: string }).code === "P2002";
}

export async function listSavedReports(
  user: CurrentUser,
): Promise<{ own: SavedReportRow[]; shared: SharedReportRow[] }> {
  assertCan(user, "report.read");
  const [own, shared] = await Promise.all([
    db().savedReport.findMany({ where: { ownerId: user.id }, orderBy: { name: "asc" }, select: SELECT }),
    db().savedReport.findMany({
      where: { shared: true, ownerId: { not: user.id } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: SELECT,
    }),
  ]);
  return { own: own.map(row), shared: shared.map((r) => ({ ...row(r), ownerName: r.owner.fullName })) };
}

/** One saved report the user may open: their own or a shared one; anything else is not found. */
export async function getSavedReport(user: CurrentUser, rawId: unknown): Promise<SavedReportView> {
  assertCan(user, "report.read");
  const id = parseInput(idSchema, rawId);
  const r = await db().savedReport.findFirst({
    where: { id, OR: [{ ownerId: user.id }, { shared: true }] },
    select: SELECT,
  });
  if (!r) throw new AppError("not_found", "Отчёт не найден.");
  return { ...row(r), own: r.ownerId === user.id, ownerName: r.owner.fullName };
}

const saveSchema = z.object({ name, config: z.unknown() });

/** Saves the configuration under a name; the user's report of the same name is replaced. */
export async function saveReport(user: CurrentUser, raw: unknown): Promise<SavedReportRow> {
  assertCan(user, "report.read");
  const input = parseInput(saveSchema, raw);
  const config = parseConfig(input.config);
  const r = await db().savedReport.upsert({
    where: { ownerId_name: { ownerId: user.id, name: input.name } },
    update: { config },
    create: { ownerId: user.id, name: input.name, config },
    select: SELECT,
  });
  await audit({
    actorId: user.id,
    action: "report_saved",
    entity: "saved_report",
    entityId: r.id,
    data: { name: input.name },
  });
  return row(r);
}

async function ownOrNotFound(user: CurrentUser, id: number): Promise<void> {
  const r = await db().savedReport.findFirst({ where: { id, ownerId: user.id }, select: { id: true } });
  if (!r) throw new AppError("not_found", "Отчёт не найден.");
}

const renameSchema = z.object({ id: idSchema, name });

export async function renameReport(user: CurrentUser, raw: unknown): Promise<SavedReportRow> {
  assertCan(user, "report.read");
  const input = parseInput(renameSchema, raw);
  await ownOrNotFound(user, input.id);
  try {
    const r = await db().savedReport.update({
      where: { id: input.id, ownerId: user.id },
      data: { name: input.name },
      select: SELECT,
    });
    await audit({
      actorId: user.id,
      action: "report_renamed",
      entity: "saved_report",
      entityId: r.id,
      data: { name: input.name },
    });
    return row(r);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "Отчёт с таким названием у вас уже есть.");
    throw e;
  }
}

const shareSchema = z.object({ id: idSchema, shared: z.boolean() });

export async function setReportShared(user: CurrentUser, raw: unknown): Promise<SavedReportRow> {
  assertCan(user, "report.read");
  const input = parseInput(shareSchema, raw);
  await ownOrNotFound(user, input.id);
  const r = await db().savedReport.update({
    where: { id: input.id, ownerId: user.id },
    data: { shared: input.shared },
    select: SELECT,
  });
  await audit({
    actorId: user.id,
    action: input.shared ? "report_shared" : "report_unshared",
    entity: "saved_report",
    entityId: r.id,
  });
  return row(r);
}

export async function deleteReport(user: CurrentUser, rawId: unknown): Promise<void> {
  assertCan(user, "report.read");
  const id = parseInput(idSchema, rawId);
  const r = await db().savedReport.deleteMany({ where: { id, ownerId: user.id } });
  if (r.count === 0) throw new AppError("not_found", "Отчёт не найден.");
  await audit({ actorId: user.id, action: "report_deleted", entity: "saved_report", entityId: id });
}

/** Copies a shared (or own) report into the user's list as «Копия: …», numbered if taken. */
export async function copyReport(user: CurrentUser, rawId: unknown): Promise<SavedReportRow> {
  const src = await getSavedReport(user, rawId);
  if (!src.config) throw new AppError("invalid_input", "Настройки этого отчёта устарели; постройте его заново.");
  const taken = new Set(
    (
      await db().savedReport.findMany({
        where: { ownerId: user.id, name: { startsWith: "Копия: " } },
        select: { name: true },
      })
    ).map((r) => r.name),
  );
  const base = `Копия: ${src.name}`.slice(0, 110);
  let copyName = base;
  for (let i = 2; taken.has(copyName); i++) copyName = `${base} (${i})`;
  const r = await db().savedReport.create({
    data: { ownerId: user.id, name: copyName, config: src.config },
    select: SELECT,
  });
  await audit({
    actorId: user.id,
    action: "report_copied",
    entity: "saved_report",
    entityId: r.id,
    data: { from: src.id },
  });
  return row(r);
}
