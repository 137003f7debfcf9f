-- Daily rollup of the МЦУ curator's dashboard: one row per Sakhalin registration day × channel ×
-- topic × block (0 = none), with the counts behind every figure of lib/analytics/measures.ts.
-- Rebuilt day by day by the worker (lib/analytics/dashboard-rollup.ts); never edited by hand.
CREATE TABLE "dashboard_daily" (
    "day" DATE NOT NULL,
    "channel" "ChannelCode" NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "block_id" INTEGER NOT NULL,
    "messages" INTEGER NOT NULL,
    "rated" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "rating_sum" INTEGER NOT NULL,
    "rating_count" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "on_time_base" INTEGER NOT NULL,
    "on_time" INTEGER NOT NULL,
    "reopened" INTEGER NOT NULL,
    "call_needed" INTEGER NOT NULL,
    "called" INTEGER NOT NULL,

    CONSTRAINT "dashboard_daily_pkey" PRIMARY KEY ("day","channel","topic_id","block_id")
);

-- The rollup's incremental refresh finds the days touched since its watermark.
CREATE INDEX "messages_updated_at_idx" ON "messages"("updated_at");
CREATE INDEX "contact_attempts_created_at_idx" ON "contact_attempts"("created_at");

-- Median time to answer, exact without sorting a period's answers: the answer time of every
-- answered message (by registration day) and its histogram by whole hours. The histogram finds the
-- hour that holds the median; the exact value is then read from that hour's few rows.
CREATE TABLE "dashboard_answer_times" (
    "message_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "dashboard_answer_times_pkey" PRIMARY KEY ("message_id")
);
CREATE INDEX "dashboard_answer_times_day_idx" ON "dashboard_answer_times"("day");
CREATE INDEX "dashboard_answer_times_hours_day_idx" ON "dashboard_answer_times"("hours", "day");

CREATE TABLE "dashboard_answer_hours" (
    "day" DATE NOT NULL,
    "hour" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,

    CONSTRAINT "dashboard_answer_hours_pkey" PRIMARY KEY ("day","hour")
);
