-- The block's messages by deadline (block head's screen, queue filtered by block).
DROP INDEX "messages_block_id_status_due_at_idx";
CREATE INDEX "messages_block_id_due_at_id_idx" ON "messages"("block_id", "due_at", "id");

-- Open messages newest first, for the deadline presets of the queue (partial: a fraction of all rows).
CREATE INDEX "messages_open_registered_idx" ON "messages"("registered_at" DESC, "id" DESC)
  WHERE status IN ('new', 'routed', 'in_work', 'answer_review', 'awaiting_contact', 'reopened', 'returned', 'extension_requested');
