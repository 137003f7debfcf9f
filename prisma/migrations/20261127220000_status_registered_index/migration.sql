-- CreateIndex
CREATE INDEX "messages_status_registered_at_id_idx" ON "messages"("status", "registered_at" DESC, "id" DESC);
