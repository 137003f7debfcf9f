// Who wrote: one resident may write to several channels, so residents are counted by their phone
// (last ten digits), then e-mail, profile, name; a message without any of them is its own resident.
import { Prisma } from "@/lib/generated/prisma/client";

/** SQL for the resident key of the messages row `alias` (a trusted identifier, not user input). */
export function residentKeySql(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE coalesce(
    'tel:' || nullif(right(regexp_replace(coalesce(${alias}.author_phone, ''), '\\D', '', 'g'), 10), ''),
    'mail:' || nullif(lower(trim(${alias}.author_email)), ''),
    'profile:' || nullif(trim(${alias}.author_profile), ''),
    'name:' || nullif(lower(trim(${alias}.author_name)), ''),
    'msg:' || ${alias}.id) END`;
}

/** The same key in TypeScript, for grouping rows already loaded. */
export function residentKey(m: {
  id: number;
  authorPhone: string | null;
  authorEmail: string | null;
  authorProfile: string | null;
  authorName: string | null;
}): string {
  const digits = (m.authorPhone ?? "").replace(/\D/g, "").slice(-10);
  if (digits) return `tel:${digits}`;
  const mail = m.authorEmail?.trim().toLowerCase();
  if (mail) return `mail:${mail}`;
  const profile = m.authorProfile?.trim();
  if (profile) return `profile:${profile}`;
  const name = m.authorName?.trim().toLowerCase();
  if (name) return `name:${name}`;
  return `msg:${m.id}`;
}
