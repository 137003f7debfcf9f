// pg-boss is CommonJS with a default export class; re-export it typed for our ESM modules.
import PgBossDefault from "pg-boss";

export const PgBoss = PgBossDefault;
export type PgBoss = PgBossDefault;
