-- Search vectors are filled by the search indexer after ingestion instead of a generated column.
DROP INDEX "messages_search_vector_idx";
ALTER TABLE "messages" DROP COLUMN "search_vector";
ALTER TABLE "messages" ADD COLUMN "search_vector" tsvector;
CREATE INDEX "messages_search_vector_idx" ON "messages" USING GIN("search_vector");

-- AlterTable
ALTER TABLE "quarantined_payloads" ADD COLUMN "raw_hash" TEXT;
-- Rows quarantined twice before this change keep distinct hashes (nothing is deleted).
UPDATE "quarantined_payloads" q SET "raw_hash" = CASE
  WHEN q."id" = (SELECT min(x."id") FROM "quarantined_payloads" x WHERE x."channel" = q."channel" AND x."raw_body" = q."raw_body")
  THEN md5(q."raw_body") ELSE md5(q."raw_body") || ':' || q."id" END;
ALTER TABLE "quarantined_payloads" ALTER COLUMN "raw_hash" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "quarantined_payloads_channel_raw_hash_key" ON "quarantined_payloads"("channel", "raw_hash");

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);
