// The deadline sweep (a periodic job, every minute): tells the block head, the block's curators
// and the coordinators once when an open message becomes "at risk" and once when it becomes
// overdue. No "server-only": it runs in the job worker.
//
// One set-based statement does the work, so it stays fast with millions of stored messages:
//  - candidates come from the (status, due_at) index: open messages past due, or open messages
//    not yet due whose stored at_risk_at has passed — never the closed history;
//  - a threshold is "already notified" when any of its current recipients holds a notification
//    with its dedupe key (probes of the unique (user_id, dedupe_key) index), so people who join
//    later are not flooded with old deadlines;
//  - the key contains the due instant, so a new clock (reopen, extension) notifies again;
//  - ON CONFLICT makes two workers sweeping at once harmless.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { OPEN_STATUSES } from "@/lib/messages/labels";
import { MUNICIPAL_TZ } from "./time";

export type SweepResult = { notifications: number; messages: number; emailed: number };
export type Mailer = (mail: { to: string; subject: string; text: string }) => Promise<void>;

export function deadlineDedupeKey(kind: "at_risk" | "overdue", messageId: number, dueAt: Date): string {
  return `deadline:${kind}:${messageId}:${dueAt.toISOString()}`;
}

// The open statuses are inlined as enum literals (code constants, checked below), not a parameter:
// a parameter cast at run time hides them from the planner, which then expects most of the table
// instead of the open backlog and picks hash joins over whole tables.
const OPEN_SQL = OPEN_STATUSES.map((s) => {
  if (!/^[a-z_]+$/.test(s)) throw new Error(`unexpected status code ${s}`);
  return `'${s}'::"MessageStatus"`;
}).join(", ");

const SWEEP_SQL = `
WITH cand AS (
  SELECT m.id, m.block_id, m.due_at, 'overdue'::text AS kind
  FROM messages m
  WHERE m.status IN (${OPEN_SQL}) AND m.due_at < $1::timestamptz
    AND ($3::int[] IS NULL OR m.id = ANY($3::int[]))
  UNION ALL
  SELECT m.id, m.block_id, m.due_at, 'at_risk'::text
  FROM messages m
  WHERE m.status IN (${OPEN_SQL}) AND m.due_at >= $1::timestamptz AND m.at_risk_at <= $1::timestamptz
    AND ($3::int[] IS NULL OR m.id = ANY($3::int[]))
), keyed AS (
  SELECT c.id, c.block_id, c.kind, b.short_name AS block_name,
    to_char(c.due_at AT TIME ZONE $2, 'DD.MM.YYYY') AS due_local,
    'deadline:' || c.kind || ':' || c.id || ':' || to_char(c.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS dedupe_key
  FROM cand c LEFT JOIN blocks b ON b.id = c.block_id
), rcpt AS (
  -- The three branches filter on different roles, so no user appears twice for a message.
  SELECT k.*, u.id AS user_id FROM keyed k
    JOIN users u ON u.role = 'block_head' AND u.block_id = k.block_id AND u.active
  UNION ALL
  SELECT k.*, bc.user_id FROM keyed k
    JOIN block_curators bc ON bc.block_id = k.block_id
    JOIN users u ON u.id = bc.user_id AND u.role = 'block_curator' AND u.active
  UNION ALL
  SELECT k.*, u.id FROM keyed k
    CROSS JOIN users u WHERE u.role = 'coordinator' AND u.active
), notified AS (
  SELECT DISTINCT r.dedupe_key FROM rcpt r
    JOIN notifications n ON n.user_id = r.user_id AND n.dedupe_key = r.dedupe_key
)
INSERT INTO notifications (user_id, kind, title, body, message_id, dedupe_key)
SELECT r.user_id, 'deadline_' || r.kind,
  CASE r.kind
    WHEN 'overdue' THEN 'Просрочен срок ответа на сообщение № ' || r.id || ' (срок — ' || r.due_local || ')'
    ELSE 'Срок ответа на сообщение № ' || r.id || ' под угрозой срыва: до ' || r.due_local
  END,
  CASE WHEN r.block_name IS NULL THEN 'Сообщение ещё не направлено в блок.' ELSE 'Блок: ' || r.block_name || '.' END,
  r.id, r.dedupe_key
FROM rcpt r
WHERE NOT EXISTS (SELECT 1 FROM notified x WHERE x.dedupe_key = r.dedupe_key)
ON CONFLICT (user_id, dedupe_key) DO NOTHING
RETURNING user_id, message_id, title, body`;

type Inserted = { user_id: number; message_id: number; title: string; body: string | null };

export type SweepOptions = {
  now?: Date;
  /** Only these messages (a re-check of chosen messages; tests). Default: all open messages. */
  messageIds?: number[] | null;
  /** Default: SMTP when SMTP_URL is set, otherwise none. */
  mailer?: Mailer | null;
  log?: (msg: string) => void;
};

export async function sweepDeadlines(opts: SweepOptions = {}): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const rows = await db().$queryRawUnsafe<Inserted[]>(SWEEP_SQL, now, MUNICIPAL_TZ, opts.messageIds ?? null);
  const result: SweepResult = {
    notifications: rows.length,
    messages: new Set(rows.map((r) => r.message_id)).size,
    emailed: 0,
  };
  if (rows.length === 0) return result;
  const mailer = opts.mailer === undefined ? smtpMailer() : opts.mailer;
  if (mailer) result.emailed = await sendEmails(rows, mailer, opts.log ?? ((m) => console.error(`[sweep] ${m}`)));
  return result;
}

/** E-mail is a courtesy copy: the notification is already stored, so a mail failure is logged
 * and not retried (retrying the job would not resend anyway — the dedupe key is taken). */
async function sendEmails(rows: Inserted[], mailer: Mailer, log: (msg: string) => void): Promise<number> {
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.user_id))] }, active: true, email: { not: null } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(users.map((u) => [u.id, u.email!]));
  let sent = 0;
  for (const r of rows) {
    const to = emailOf.get(r.user_id);
    if (!to) continue;
    try {
      await mailer({
        to,
        subject: r.title,
        text: `${r.title}\n${r.body ?? ""}\n\nСообщение № ${r.message_id} — откройте его в МЦУ Desk.`,
      });
      sent++;
    } catch (e) {
      log(`не удалось отправить письмо ${to}: ${(e as Error).message}`);
    }
  }
  return sent;
}

let transport: Mailer | null | undefined;

/** nodemailer over SMTP_URL; null (no e-mail, silently) when SMTP is not configured. */
function smtpMailer(): Mailer | null {
  if (transport !== undefined) return transport;
  const url = env().SMTP_URL;
  if (!url) return (transport = null);
  const from = env().SMTP_FROM;
  let t: Promise<{ sendMail: (m: object) => Promise<unknown> }> | null = null;
  transport = async (mail) => {
    t ??= import("nodemailer").then((nm) => nm.default.createTransport(url));
    await (await t).sendMail({ from, ...mail });
  };
  return transport;
}
