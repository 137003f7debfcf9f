import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { messageScope } from "@/lib/messages/scope";
import type { StatusCode } from "@/lib/messages/labels";
import { transitionError } from "./state-machine";

const MESSAGE_FIELDS = {
  id: true,
  status: true,
  channel: true,
  regime: true,
  blockId: true,
  externalId: true,
  registeredAt: true,
  dueAt: true,
  dueLocalDate: true,
  extensionCount: true,
  reopenCount: true,
} as const;

/** The message as the user may see it; another block's message is simply "not found". */
export async function loadMessage(client: Tx | Db, user: CurrentUser, id: number) {
  // Db and Tx expose the same model API; TypeScript cannot unify their global-omit generics.
  const m = await (client as Tx).message.findFirst({
    where: { AND: [{ id }, messageScope(user)] },
    select: MESSAGE_FIELDS,
  });
  if (!m) throw new AppError("not_found", "Сообщение не найдено.");
  return m;
}

export type LoadedMessage = Awaited<ReturnType<typeof loadMessage>>;

/** Refuses an action whose starting status is not one of `allowed`, in the state machine's words. */
export function requireStatus(current: StatusCode, allowed: readonly StatusCode[], to: StatusCode): void {
  if (!allowed.includes(current)) throw new AppError("invalid_transition", transitionError(current, to));
}
