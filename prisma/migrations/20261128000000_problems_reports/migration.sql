-- «Комплексные проблемы» and the report builder's saved reports.
CREATE TYPE "ProblemStatus" AS ENUM ('open', 'in_work', 'resolved', 'dismissed');

-- CreateEnum
CREATE TYPE "ProblemOrigin" AS ENUM ('auto', 'manual', 'growth');

-- CreateTable
CREATE TABLE "problems" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "topic_id" INTEGER,
    "locality" TEXT,
    "address" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "status" "ProblemStatus" NOT NULL DEFAULT 'open',
    "origin" "ProblemOrigin" NOT NULL DEFAULT 'auto',
    "created_by_id" INTEGER,
    "merged_into_id" INTEGER,
    "first_at" TIMESTAMPTZ(3) NOT NULL,
    "last_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "problems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem_messages" (
    "id" SERIAL NOT NULL,
    "problem_id" INTEGER NOT NULL,
    "message_id" INTEGER NOT NULL,
    "added_by_id" INTEGER,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detached_at" TIMESTAMPTZ(3),
    "detached_by_id" INTEGER,

    CONSTRAINT "problem_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_reports" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "problems_status_last_at_idx" ON "problems"("status", "last_at");

-- CreateIndex
CREATE INDEX "problems_topic_id_last_at_idx" ON "problems"("topic_id", "last_at");

-- CreateIndex
CREATE INDEX "problem_messages_problem_id_idx" ON "problem_messages"("problem_id");

-- CreateIndex
CREATE INDEX "problem_messages_message_id_idx" ON "problem_messages"("message_id");

-- CreateIndex
CREATE INDEX "saved_reports_shared_idx" ON "saved_reports"("shared");

-- CreateIndex
CREATE UNIQUE INDEX "saved_reports_owner_id_name_key" ON "saved_reports"("owner_id", "name");

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "problems"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_messages" ADD CONSTRAINT "problem_messages_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_messages" ADD CONSTRAINT "problem_messages_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_messages" ADD CONSTRAINT "problem_messages_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_messages" ADD CONSTRAINT "problem_messages_detached_by_id_fkey" FOREIGN KEY ("detached_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_reports" ADD CONSTRAINT "saved_reports_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one active membership per message (detached rows stay as the record).
CREATE UNIQUE INDEX "problem_messages_active_message_key" ON "problem_messages"("message_id") WHERE detached_at IS NULL;
