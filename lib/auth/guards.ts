import { AppError } from "@/lib/errors";
import type { RoleCode } from "@/lib/auth/roles";
import { can, type Permission } from "@/lib/auth/permissions";

/** Data functions check the capability themselves (server actions are public endpoints): the
 * role's capabilities are in the one permission map, lib/auth/permissions.ts. */
export function assertCan(user: { role: RoleCode }, permission: Permission): void {
  if (!can(user, permission)) throw new AppError("forbidden", "Недостаточно прав для этого действия.");
}
