-- Roles without the right to residents' personal data (the МЦУ curator) must not find a message by
-- a name or phone number written inside its text. Their searches run over a second full-text
-- vector of the same text with personal data masked (lib/privacy/mask.ts), computed by the search
-- indexer in the application. The partial index lists the rows still to be masked, so the indexer
-- finds them however old they are (including every existing row after this migration, and
-- messages whose text a channel edited).
ALTER TABLE "messages" ADD COLUMN "search_masked" tsvector;
CREATE INDEX "messages_search_masked_idx" ON "messages" USING GIN ("search_masked");
CREATE INDEX "messages_search_masked_pending_idx" ON "messages"("id") WHERE "search_masked" IS NULL;
