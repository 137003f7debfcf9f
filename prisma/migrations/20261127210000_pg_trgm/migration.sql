-- CreateExtension: trigram similarity for «похожие сообщения» (trusted extension since PG 13).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
