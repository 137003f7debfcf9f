import "server-only";
import { headers } from "next/headers";
import { db, type Tx } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  data?: Prisma.InputJsonValue;
};

export async function audit(entry: AuditEntry, tx?: Tx): Promise<void> {
  await (tx ?? db()).auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      data: entry.data,
      ip: await requestIp(),
    },
  });
}

/** The client's address when called while serving a request; null in jobs, CLIs and tests. */
async function requestIp(): Promise<string | null> {
  try {
    return clientIp(await headers());
  } catch {
    return null;
  }
}
