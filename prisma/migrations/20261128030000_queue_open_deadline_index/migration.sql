-- The queue's deadline presets («Под угрозой срыва», «Просрочено») and «Требует разбора» walk the
-- open messages newest first and stop after a page. The old index held only the sort key, so every
-- skipped row cost a heap fetch to read due_at/at_risk_at (≈ 30,000 fetches for «Просрочено» on a
-- million rows). Replaced (not added) by the same partial index with the filtered columns as
-- trailing keys: btree checks them inside the index, and the capped preset counts (and counts of
-- a channel/block/curator filter combined with a deadline) become index-only scans. The order (registered_at DESC, id DESC) is unchanged, so every earlier use stays.
-- The predicate must list exactly OPEN_STATUSES of lib/messages/labels.ts.
DROP INDEX "messages_open_registered_idx";
CREATE INDEX "messages_open_registered_idx" ON "messages"("registered_at" DESC, "id" DESC, "due_at", "at_risk_at", "channel", "needs_review", "block_id")
  WHERE status IN ('new', 'routed', 'in_work', 'answer_review', 'awaiting_contact', 'reopened', 'returned', 'extension_requested');

-- needs_review is only ever set on open messages; without joint statistics the planner multiplies
-- the two selectivities, expects ~250 rows for «Требует разбора» instead of thousands, and sorts them
-- all instead of walking the index above. Statistics only: no cost at ingest.
CREATE STATISTICS "messages_review_status_stats" (mcv) ON "needs_review", "status" FROM "messages";
