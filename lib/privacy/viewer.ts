// Who reads which text: roles without the right to residents' personal data get every message
// text masked (./mask.ts) on the server, before it is rendered or serialised for the browser.
import type { RoleCode } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import { containsPersonalData, maskPersonalData } from "./mask";

export function seesPersonalData(user: { role: RoleCode }): boolean {
  return can(user, "pd.read");
}

/** A resident-written text as this user may read it. */
export function textFor<T extends string | null | undefined>(user: { role: RoleCode }, text: T): T {
  if (seesPersonalData(user) || !text) return text;
  return maskPersonalData(text) as T;
}

/** True when a text shown to a personal-data role holds personal data (the read is audited). */
export function personalDataShown(user: { role: RoleCode }, ...texts: (string | null | undefined)[]): boolean {
  return seesPersonalData(user) && texts.some((t) => containsPersonalData(t ?? null));
}

/** A list preview as this user may read it: «Title. text», at most `max` characters of the text.
 * Masked before it is cut, so a phone number at the edge is never shown in part (pass a text a
 * little longer than `max`). */
export function previewFor(user: { role: RoleCode }, title: string | null, text: string, max: number): string {
  const head = title ? `${textFor(user, title)}. ` : "";
  return head + textFor(user, text).slice(0, max);
}
