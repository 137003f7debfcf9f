-- The source's raw text is kept only where it differs from the clean text (markup, entities,
-- control characters); for most messages the two are the same and storing both doubled the row
-- and its WAL on the ingest path. NULL now means "the raw text is text_clean". Existing rows keep
-- their copy: both readings give the same text.
ALTER TABLE "messages" ALTER COLUMN "text_raw" DROP NOT NULL;
