import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import type { RoleCode } from "@/lib/auth/roles";

/** Data functions check the role themselves: server actions are public endpoints. */
export function assertRole(user: CurrentUser, ...roles: RoleCode[]): void {
  if (!roles.includes(user.role)) throw new AppError("forbidden", "Недостаточно прав для этого действия.");
}
