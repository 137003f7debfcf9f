-- Sign-in hardening. Each user's session version is carried in the session token and compared on
-- every request: sign-out, a password or role change and «Завершить все сеансы» raise it, so a
-- copied cookie stops working at once. login_throttle counts failed sign-ins per client address
-- in a 15-minute window (one row per address, updated atomically).
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "login_throttle" (
    "ip" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("ip")
);
