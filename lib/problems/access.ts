import "server-only";
import type { RoleCode } from "@/lib/auth/roles";

/** Who may open the problem screens (the МЦУ curator and head read only). */
export const PROBLEM_VIEW_ROLES: RoleCode[] = ["coordinator", "mcu_curator", "mcu_head"];
/** Who may change problems: merge, split, attach, detach, rename, status, one answer. */
export const PROBLEM_EDIT_ROLES: RoleCode[] = ["coordinator"];
