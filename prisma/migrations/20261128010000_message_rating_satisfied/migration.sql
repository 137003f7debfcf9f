-- The resident's latest verdict on a message, kept beside last_rating so satisfaction figures and
-- their click-through filter read one column.
ALTER TABLE "messages" ADD COLUMN "rating_satisfied" BOOLEAN;

UPDATE "messages" m SET "rating_satisfied" = (r.satisfied IS TRUE OR (r.satisfied IS NULL AND r.value >= 4))
FROM (SELECT DISTINCT ON (message_id) message_id, value, satisfied FROM ratings ORDER BY message_id, rated_at DESC, id DESC) r
WHERE r.message_id = m.id;
