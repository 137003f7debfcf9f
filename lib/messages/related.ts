import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import type { ChannelCodeT, StatusCode } from "./labels";
import { scopeSql } from "@/lib/queue/where";
import { previewFor } from "@/lib/privacy/viewer";

export type RelatedMessage = {
  id: number;
  channel: ChannelCodeT;
  status: StatusCode;
  preview: string;
  locality: string | null;
  registeredAt: Date;
  similarity: number;
  sameLocality: boolean;
};

const WINDOW_DAYS = 28;

/** Messages of the same topic within four weeks, ranked by same locality and trigram similarity
 * of the text. Candidates come from the (topic_id, registered_at) index, so no trigram index is
 * needed on the hot ingest path. Scoped like every other read. */
export async function relatedMessages(
  user: CurrentUser,
  m: { id: number; topicId: number | null; locality: string | null; textClean: string; registeredAt: Date },
): Promise<RelatedMessage[]> {
  if (m.topicId === null) return [];
  const text = m.textClean.slice(0, 2000);
  const rows = await db().$queryRaw<
    {
      id: number;
      channel: ChannelCodeT;
      status: StatusCode;
      preview: string;
      locality: string | null;
      registered_at: Date;
      sim: number;
      same_locality: boolean;
    }[]
  >`
    SELECT x.id, x.channel::text AS channel, x.status::text AS status, left(x.text_clean, 240) AS preview, x.locality, x.registered_at,
           similarity(left(x.text_clean, 2000), ${text}) AS sim,
           coalesce(x.locality = ${m.locality}, false) AS same_locality
    FROM messages x
    WHERE x.topic_id = ${m.topicId} AND x.id <> ${m.id}
      AND x.registered_at BETWEEN ${m.registeredAt}::timestamptz - make_interval(days => ${WINDOW_DAYS}) AND ${m.registeredAt}::timestamptz + make_interval(days => ${WINDOW_DAYS})
      AND ${scopeSql(user, "x")}
    ORDER BY coalesce(x.locality = ${m.locality}, false) DESC, sim DESC, x.registered_at DESC
    LIMIT 8`;
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    status: r.status,
    preview: previewFor(user, null, r.preview, 200),
    locality: r.locality,
    registeredAt: r.registered_at,
    similarity: Number(r.sim),
    sameLocality: r.same_locality,
  }));
}
