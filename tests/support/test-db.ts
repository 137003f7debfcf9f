export { createScratchDb as createTestDb, type ScratchDb as TestDb } from "@/lib/db/scratch-db";
