-- Each index on messages slows ingestion; these three served no query the desk runs often.
DROP INDEX "messages_at_risk_at_idx";
DROP INDEX "messages_locality_idx";
DROP INDEX "messages_duplicate_of_id_idx";
