-- CreateEnum
CREATE TYPE "Role" AS ENUM ('coordinator', 'block_head', 'block_curator', 'mcu_head', 'mcu_curator');

-- CreateEnum
CREATE TYPE "ChannelCode" AS ENUM ('pos', 'incident', 'smls', 'sakhalin');

-- CreateEnum
CREATE TYPE "Regime" AS ENUM ('fz59', 'pos_message', 'social_incident', 'portal');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('new', 'routed', 'in_work', 'answer_review', 'awaiting_contact', 'answered', 'closed', 'reopened', 'returned', 'redirected', 'extension_requested', 'rejected');

-- CreateEnum
CREATE TYPE "DecisionSource" AS ENUM ('category_map', 'model', 'lexicon', 'rule', 'topic_map', 'manual', 'none');

-- CreateEnum
CREATE TYPE "DayUnit" AS ENUM ('working', 'calendar');

-- CreateEnum
CREATE TYPE "AnswerStatus" AS ENUM ('draft', 'submitted', 'returned', 'approved', 'released', 'failed');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('approved', 'returned');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('pending', 'approved', 'denied');

-- CreateEnum
CREATE TYPE "CallOutcome" AS ENUM ('reached', 'no_answer', 'refused', 'wrong_number');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('duplicate', 'related');

-- CreateEnum
CREATE TYPE "QuarantineStatus" AS ENUM ('pending', 'resolved', 'discarded');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "login" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "role" "Role" NOT NULL,
    "block_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocks" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "block_curators" (
    "block_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "block_curators_pkey" PRIMARY KEY ("block_id","user_id")
);

-- CreateTable
CREATE TABLE "topics" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "block_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pos_category_mappings" (
    "id" SERIAL NOT NULL,
    "category" TEXT NOT NULL,
    "subcategory" TEXT NOT NULL DEFAULT '',
    "topic_id" INTEGER NOT NULL,

    CONSTRAINT "pos_category_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_rules" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "keywords" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "channel" "ChannelCode",
    "locality" TEXT,
    "topic_id" INTEGER,
    "block_id" INTEGER NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "routing_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channels" (
    "code" "ChannelCode" NOT NULL,
    "name" TEXT NOT NULL,
    "base_url" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "pull_interval_sec" INTEGER NOT NULL DEFAULT 60,
    "cursor" TEXT,
    "last_pull_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "consecutive_errors" INTEGER NOT NULL DEFAULT 0,
    "total_errors" INTEGER NOT NULL DEFAULT 0,
    "total_ingested" INTEGER NOT NULL DEFAULT 0,
    "lag_seconds" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channels_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" SERIAL NOT NULL,
    "channel" "ChannelCode" NOT NULL,
    "external_id" TEXT NOT NULL,
    "regime" "Regime" NOT NULL,
    "status" "MessageStatus" NOT NULL DEFAULT 'new',
    "title" TEXT,
    "text_raw" TEXT NOT NULL,
    "text_clean" TEXT NOT NULL,
    "source_url" TEXT,
    "source_version" TEXT,
    "author_name" TEXT,
    "author_phone" TEXT,
    "author_email" TEXT,
    "author_profile" TEXT,
    "address" TEXT,
    "locality" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "source_category" TEXT,
    "source_subcategory" TEXT,
    "extra" JSONB,
    "topic_id" INTEGER,
    "topic_source" "DecisionSource" NOT NULL DEFAULT 'none',
    "topic_confidence" DOUBLE PRECISION,
    "topic_reason" JSONB,
    "block_id" INTEGER,
    "block_source" "DecisionSource" NOT NULL DEFAULT 'none',
    "block_reason" JSONB,
    "needs_review" BOOLEAN NOT NULL DEFAULT false,
    "source_created_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "first_reaction_due_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    "due_local_date" DATE,
    "at_risk_at" TIMESTAMPTZ(3),
    "extension_count" INTEGER NOT NULL DEFAULT 0,
    "answered_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "last_rating" INTEGER,
    "duplicate_of_id" INTEGER,
    "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, coalesce("title", '') || ' ' || "text_clean")) STORED,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_events" (
    "id" BIGSERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "from_status" "MessageStatus",
    "to_status" "MessageStatus",
    "actor_id" INTEGER,
    "reason" TEXT,
    "data" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answers" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "text" TEXT NOT NULL,
    "template_code" TEXT,
    "status" "AnswerStatus" NOT NULL DEFAULT 'draft',
    "submitted_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "released_at" TIMESTAMPTZ(3),
    "dispatch_attempts" INTEGER NOT NULL DEFAULT 0,
    "dispatch_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer_reviews" (
    "id" SERIAL NOT NULL,
    "answer_id" INTEGER NOT NULL,
    "reviewer_id" INTEGER NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT,
    "checklist" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer_attachments" (
    "id" SERIAL NOT NULL,
    "answer_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_path" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extension_requests" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "requested_by_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'pending',
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "decision_comment" TEXT,
    "previous_due_at" TIMESTAMPTZ(3),
    "new_due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "extension_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_attempts" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "answer_id" INTEGER,
    "curator_id" INTEGER NOT NULL,
    "outcome" "CallOutcome" NOT NULL,
    "notes" TEXT,
    "duration_sec" INTEGER,
    "next_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ratings" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "external_rating_id" TEXT,
    "value" INTEGER,
    "satisfied" BOOLEAN,
    "comment" TEXT,
    "rated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_links" (
    "id" SERIAL NOT NULL,
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,
    "kind" "LinkKind" NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quarantined_payloads" (
    "id" SERIAL NOT NULL,
    "channel" "ChannelCode" NOT NULL,
    "external_id" TEXT,
    "raw_body" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "status" "QuarantineStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "message_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "quarantined_payloads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline_policies" (
    "regime" "Regime" NOT NULL,
    "answer_days" INTEGER NOT NULL,
    "answer_unit" "DayUnit" NOT NULL,
    "first_reaction_days" INTEGER,
    "first_reaction_unit" "DayUnit",
    "extension_days" INTEGER NOT NULL,
    "extension_unit" "DayUnit" NOT NULL,
    "max_extensions" INTEGER NOT NULL DEFAULT 1,
    "registration_days" INTEGER,
    "at_risk_share" DOUBLE PRECISION NOT NULL DEFAULT 0.2,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deadline_policies_pkey" PRIMARY KEY ("regime")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "message_id" INTEGER,
    "dedupe_key" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "data" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "classification_corrections" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "from_topic" TEXT,
    "to_topic" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "classification_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_login_key" ON "users"("login");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE INDEX "users_block_id_idx" ON "users"("block_id");

-- CreateIndex
CREATE UNIQUE INDEX "blocks_code_key" ON "blocks"("code");

-- CreateIndex
CREATE INDEX "block_curators_user_id_idx" ON "block_curators"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "topics_code_key" ON "topics"("code");

-- CreateIndex
CREATE INDEX "topics_block_id_idx" ON "topics"("block_id");

-- CreateIndex
CREATE INDEX "pos_category_mappings_topic_id_idx" ON "pos_category_mappings"("topic_id");

-- CreateIndex
CREATE UNIQUE INDEX "pos_category_mappings_category_subcategory_key" ON "pos_category_mappings"("category", "subcategory");

-- CreateIndex
CREATE INDEX "routing_rules_active_priority_idx" ON "routing_rules"("active", "priority");

-- CreateIndex
CREATE INDEX "messages_status_due_at_idx" ON "messages"("status", "due_at");

-- CreateIndex
CREATE INDEX "messages_block_id_status_due_at_idx" ON "messages"("block_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "messages_topic_id_registered_at_idx" ON "messages"("topic_id", "registered_at");

-- CreateIndex
CREATE INDEX "messages_channel_registered_at_idx" ON "messages"("channel", "registered_at");

-- CreateIndex
CREATE INDEX "messages_registered_at_idx" ON "messages"("registered_at");

-- CreateIndex
CREATE INDEX "messages_needs_review_status_idx" ON "messages"("needs_review", "status");

-- CreateIndex
CREATE INDEX "messages_at_risk_at_idx" ON "messages"("at_risk_at");

-- CreateIndex
CREATE INDEX "messages_locality_idx" ON "messages"("locality");

-- CreateIndex
CREATE INDEX "messages_duplicate_of_id_idx" ON "messages"("duplicate_of_id");

-- CreateIndex
CREATE INDEX "messages_search_vector_idx" ON "messages" USING GIN("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "messages_channel_external_id_key" ON "messages"("channel", "external_id");

-- CreateIndex
CREATE INDEX "message_events_message_id_created_at_idx" ON "message_events"("message_id", "created_at");

-- CreateIndex
CREATE INDEX "message_events_kind_created_at_idx" ON "message_events"("kind", "created_at");

-- CreateIndex
CREATE INDEX "answers_message_id_round_idx" ON "answers"("message_id", "round");

-- CreateIndex
CREATE INDEX "answers_status_idx" ON "answers"("status");

-- CreateIndex
CREATE INDEX "answer_reviews_answer_id_idx" ON "answer_reviews"("answer_id");

-- CreateIndex
CREATE INDEX "answer_attachments_answer_id_idx" ON "answer_attachments"("answer_id");

-- CreateIndex
CREATE INDEX "extension_requests_message_id_idx" ON "extension_requests"("message_id");

-- CreateIndex
CREATE INDEX "extension_requests_status_idx" ON "extension_requests"("status");

-- CreateIndex
CREATE INDEX "contact_attempts_message_id_idx" ON "contact_attempts"("message_id");

-- CreateIndex
CREATE INDEX "ratings_rated_at_idx" ON "ratings"("rated_at");

-- CreateIndex
CREATE UNIQUE INDEX "ratings_message_id_external_rating_id_key" ON "ratings"("message_id", "external_rating_id");

-- CreateIndex
CREATE INDEX "message_links_to_id_idx" ON "message_links"("to_id");

-- CreateIndex
CREATE UNIQUE INDEX "message_links_from_id_to_id_kind_key" ON "message_links"("from_id", "to_id", "kind");

-- CreateIndex
CREATE INDEX "quarantined_payloads_channel_status_idx" ON "quarantined_payloads"("channel", "status");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_dedupe_key_key" ON "notifications"("user_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_created_at_idx" ON "audit_log"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_action_created_at_idx" ON "audit_log"("action", "created_at");

-- CreateIndex
CREATE INDEX "classification_corrections_created_at_idx" ON "classification_corrections"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_user_id_name_key" ON "saved_views"("user_id", "name");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_block_id_fkey" FOREIGN KEY ("block_id") REFERENCES "blocks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "block_curators" ADD CONSTRAINT "block_curators_block_id_fkey" FOREIGN KEY ("block_id") REFERENCES "blocks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "block_curators" ADD CONSTRAINT "block_curators_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "topics" ADD CONSTRAINT "topics_block_id_fkey" FOREIGN KEY ("block_id") REFERENCES "blocks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pos_category_mappings" ADD CONSTRAINT "pos_category_mappings_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_block_id_fkey" FOREIGN KEY ("block_id") REFERENCES "blocks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_block_id_fkey" FOREIGN KEY ("block_id") REFERENCES "blocks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_events" ADD CONSTRAINT "message_events_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_events" ADD CONSTRAINT "message_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_reviews" ADD CONSTRAINT "answer_reviews_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_reviews" ADD CONSTRAINT "answer_reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_attachments" ADD CONSTRAINT "answer_attachments_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_curator_id_fkey" FOREIGN KEY ("curator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_links" ADD CONSTRAINT "message_links_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_links" ADD CONSTRAINT "message_links_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_links" ADD CONSTRAINT "message_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classification_corrections" ADD CONSTRAINT "classification_corrections_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classification_corrections" ADD CONSTRAINT "classification_corrections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- History is append-only: refuse UPDATE and DELETE on message_events.
CREATE FUNCTION "message_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'message_events is append-only';
END;
$$;

CREATE TRIGGER "message_events_no_update" BEFORE UPDATE OR DELETE ON "message_events"
  FOR EACH ROW EXECUTE FUNCTION "message_events_append_only"();
