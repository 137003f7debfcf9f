// Automatic grouping of messages into «комплексные проблемы». No "server-only": the worker's
// periodic job and the demo seed call it outside the Next.js bundle.
//
// Thresholds (also in the README section on problems):
// - candidates: messages registered in the last LOOKBACK_DAYS (30) days, with a topic and a
//   locality, not rejected, not marked as a duplicate, and never in any problem before (a message
//   the coordinator detached is not put back automatically);
// - a message is compared only with the NEIGHBOURS (25) messages registered just before and just
//   after it with the same topic and locality (candidates and members of open problems together),
//   so a run costs O(new messages × 25) whatever the density; related messages further apart in a
//   busy stream are still joined through the ones in between;
// - two messages are related when they have the same topic and the same locality, were registered
//   at most WINDOW_DAYS (14) days apart, and
//     * are at the same place — equal normalized address («г. Холмск, ул. Ленина, д. 12» →
//       «холмск ленина 12») or coordinates at most NEAR_METERS (300 m) apart — and their texts
//       have trigram similarity ≥ SIM_NEAR (0.35; two texts about different troubles at one house
//       score about 0.29 because they share the address words), or
//     * their places cannot be compared (one side has neither address nor coordinates) and the
//       texts have similarity ≥ SIM_UNPLACED (0.55);
// - a candidate related to an active member of an open (open / in work, not merged) problem
//   joins the problem with the most similar member; the remaining candidates that are related to
//   each other form new problems (connected components of the "related" pairs).
// Incremental: a run checks only pairs with at least one message newer than the stored watermark
// (settings «problems_cluster_watermark», the last id inserted over a minute ago), so the
// periodic job's cost follows the new messages, not the whole 30-day window.
// Runs are serialized by a transaction-level advisory lock, so concurrent workers or a button
// press during a scheduled run never create two problems for the same messages; a re-run finds
// nothing new (every grouped message has a membership) and changes nothing.
import { db as defaultDb, type Db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { refreshProblemSpans } from "./store";

export const CLUSTER_THRESHOLDS = {
  LOOKBACK_DAYS: 30,
  WINDOW_DAYS: 14,
  NEAR_METERS: 300,
  SIM_NEAR: 0.35,
  SIM_UNPLACED: 0.55,
  NEIGHBOURS: 25,
} as const;

const T = CLUSTER_THRESHOLDS;
/** Advisory lock key of the clustering run (ingest uses 7_300_00x for channels). */
const LOCK_KEY = 7_400_001;
/** Text compared: the first characters are enough and keep similarity() cheap on long appeals. */
const TEXT_CHARS = 600;

export type ClusterResult = { attached: number; created: number; problemIds: number[] };

/** Lowercase, ё→е, no punctuation, no «г./ул./д./корп.» words: «холмск ленина 12». */
function normAddress(col: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`regexp_replace(trim(regexp_replace(regexp_replace(translate(lower(coalesce(${col}, '')), 'ё', 'е'), '[^0-9a-zа-я]+', ' ', 'g'),
    '(^| )(ул|улица|д|дом|г|город|с|село|пгт|п|пос|поселок|пер|переулок|пр|просп|проспект|б|бул|бульвар|ш|шоссе|кв|квартира|корп|корпус|к|стр|строение|мкр|микрорайон) ', ' ', 'g')), ' +', ' ', 'g')`;
}

/** The columns compared, for the messages row `m`. */
const FIELDS = Prisma.sql`m.id, m.topic_id, m.locality, m.lat, m.lon, m.registered_at, left(m.text_clean, ${TEXT_CHARS}) AS txt,
  ${normAddress(Prisma.sql`m.address`)} AS naddr`;

/** The recent messages not yet in any problem, as a CTE body. */
function candidatesSql(now: Date, watermark: number, createdSince?: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT ${FIELDS}
    FROM messages m
    WHERE m.registered_at >= ${now}::timestamptz - make_interval(days => ${T.LOOKBACK_DAYS}) AND m.registered_at <= ${now}::timestamptz
      AND m.topic_id IS NOT NULL AND m.locality IS NOT NULL AND m.status <> 'rejected' AND m.duplicate_of_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM problem_messages pm WHERE pm.message_id = m.id)
      ${createdSince ? Prisma.sql`AND m.created_at >= ${createdSince}` : Prisma.empty}
      -- Only topic × locality streams that received a message since the watermark can form new pairs.
      AND EXISTS (SELECT 1 FROM messages f WHERE f.id > ${watermark} AND f.topic_id = m.topic_id AND f.locality = m.locality)`;
}

/** The pair condition of the header comment for rows `a` and `b` (each with naddr, lat, lon, txt). */
const RELATED = Prisma.sql`
  a.topic_id = b.topic_id AND a.locality = b.locality
  AND b.registered_at BETWEEN a.registered_at - make_interval(days => ${T.WINDOW_DAYS}) AND a.registered_at + make_interval(days => ${T.WINDOW_DAYS})
  AND (
    (
      ((a.naddr <> '' AND a.naddr = b.naddr)
        OR (a.lat IS NOT NULL AND b.lat IS NOT NULL
            AND 2 * 6371000 * asin(sqrt(power(sin(radians(b.lat - a.lat) / 2), 2) + cos(radians(a.lat)) * cos(radians(b.lat)) * power(sin(radians(b.lon - a.lon) / 2), 2))) <= ${T.NEAR_METERS}))
      AND similarity(a.txt, b.txt) >= ${T.SIM_NEAR}
    ) OR (
      NOT ((a.naddr <> '' AND b.naddr <> '') OR (a.lat IS NOT NULL AND b.lat IS NOT NULL))
      AND similarity(a.txt, b.txt) >= ${T.SIM_UNPLACED}
    )
  )`;

/**
 * Ids of the pairs (aid from CTE `a`, bid from CTE `b`) that may be related: the same topic and
 * locality, and within NEIGHBOURS places of each other in the time order of `a` and `b` together
 * (CTE `seq`: id, src 'a' | 'b', topic_id, locality, rn). Each pair is found by an equality join on
 * (topic, locality, rn + offset), so the work is linear in the messages, never quadratic.
 */
function pairKeys(watermark: number): Prisma.Sql {
  return Prisma.sql`
  SELECT x.id AS aid, y.id AS bid
  FROM seq x CROSS JOIN generate_series(${-T.NEIGHBOURS}::int, ${T.NEIGHBOURS}::int) o(d)
  JOIN seq y ON y.topic_id = x.topic_id AND y.locality = x.locality AND y.rn = x.rn + o.d
  WHERE o.d <> 0 AND x.src = 'a' AND y.src = 'b' AND (x.id > ${watermark} OR y.id > ${watermark})`;
}

/** The time order of `a` and `b` within each topic × locality, for pairKeys. */
const SEQ = Prisma.sql`
  SELECT u.id, u.src, u.topic_id, u.locality, row_number() OVER (PARTITION BY u.topic_id, u.locality ORDER BY u.registered_at, u.id) AS rn
  FROM (SELECT id, 'a' AS src, topic_id, locality, registered_at FROM a UNION ALL SELECT id, 'b', topic_id, locality, registered_at FROM b) u`;

/** Settings key of the last message id whose pairs are all checked (see clusterProblems). */
const WATERMARK_KEY = "problems_cluster_watermark";

/** Marks every message up to `messageId` as checked: later runs pair only newer ones with them. */
export async function setClusterWatermark(client: Db | Tx, messageId: number): Promise<void> {
  const value = { messageId };
  await client.setting.upsert({
    where: { key: WATERMARK_KEY },
    update: { value },
    create: { key: WATERMARK_KEY, value },
  });
}
/** Messages inserted this recently are checked again next time: a slow ingest transaction may
 * still commit a lower id than one already seen. */
const SETTLE_SECONDS = 60;

/** One clustering pass; safe to call from several processes at once. */
/** `createdSince` limits the run to messages stored since then (the seed groups only its own
 * demo messages); such a partial run leaves the watermark alone. */
export async function clusterProblems(
  opts: { now?: Date; client?: Db; createdSince?: Date } = {},
): Promise<ClusterResult> {
  const client = opts.client ?? defaultDb();
  const now = opts.now ?? new Date();
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
      // Incremental: a pair is checked only when one of its messages is newer than the watermark;
      // pairs of older messages were checked by an earlier run with the same rules.
      const stored = await tx.setting.findUnique({ where: { key: WATERMARK_KEY }, select: { value: true } });
      const watermark = Number((stored?.value as { messageId?: number } | null)?.messageId ?? 0);
      const attached = await extendOpenProblems(tx, now, watermark, opts.createdSince);
      const created = await createNewProblems(tx, now, watermark, opts.createdSince);
      const [{ settled }] = await tx.$queryRaw<{ settled: number }[]>`
      SELECT coalesce(max(id), 0)::int AS settled FROM messages WHERE created_at < now() - make_interval(secs => ${SETTLE_SECONDS})`;
      if (settled > watermark && !opts.createdSince) {
        await setClusterWatermark(tx, settled);
      }
      return {
        attached: attached.length,
        created: created.length,
        problemIds: [...new Set([...attached, ...created])],
      };
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}

/** The pair queries' CTEs carry no statistics: an estimate of one row would turn their equality
 * joins into nested loops, quadratic in the candidates. Hash joins are always right there (and
 * only there: the small per-problem queries keep their index lookups). */
async function withoutNestedLoops<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
  const r = await fn();
  await tx.$executeRaw`SET LOCAL enable_nestloop = on`;
  return r;
}

/** Candidates related to an active member of an open problem join that problem. */
async function extendOpenProblems(tx: Tx, now: Date, watermark: number, createdSince?: Date): Promise<number[]> {
  const rows = await withoutNestedLoops(
    tx,
    () => tx.$queryRaw<{ problem_id: number }[]>`
    WITH a AS MATERIALIZED (${candidatesSql(now, watermark, createdSince)}),
    b AS MATERIALIZED (
      SELECT pm.problem_id, ${FIELDS}
      FROM problems p
      JOIN problem_messages pm ON pm.problem_id = p.id AND pm.detached_at IS NULL
      JOIN messages m ON m.id = pm.message_id
      WHERE p.status IN ('open', 'in_work') AND p.merged_into_id IS NULL
        AND p.last_at >= ${now}::timestamptz - make_interval(days => ${T.LOOKBACK_DAYS + T.WINDOW_DAYS})
    ),
    seq AS MATERIALIZED (${SEQ}),
    k AS (${pairKeys(watermark)}),
    best AS (
      SELECT DISTINCT ON (a.id) a.id AS message_id, b.problem_id
      FROM k JOIN a ON a.id = k.aid JOIN b ON b.id = k.bid
      WHERE ${RELATED}
      ORDER BY a.id, similarity(a.txt, b.txt) DESC, b.problem_id
    )
    INSERT INTO problem_messages (problem_id, message_id)
    SELECT problem_id, message_id FROM best ORDER BY message_id
    ON CONFLICT (message_id) WHERE detached_at IS NULL DO NOTHING
    RETURNING problem_id`,
  );
  const ids = [...new Set(rows.map((r) => r.problem_id))];
  await refreshProblemSpans(tx, ids);
  return ids;
}

/** Related pairs among the remaining candidates; each connected component becomes a problem. */
async function createNewProblems(tx: Tx, now: Date, watermark: number, createdSince?: Date): Promise<number[]> {
  const pairs = await withoutNestedLoops(
    tx,
    () => tx.$queryRaw<{ a: number; b: number }[]>`
    WITH a AS MATERIALIZED (${candidatesSql(now, watermark, createdSince)}),
    seq AS MATERIALIZED (
      SELECT a.id, 'a' AS src, a.topic_id, a.locality, row_number() OVER (PARTITION BY a.topic_id, a.locality ORDER BY a.registered_at, a.id) AS rn FROM a
    ),
    k AS (
      -- Among candidates every one is both sides: each pair once (the later one in time order after).
      SELECT x.id AS aid, y.id AS bid
      FROM seq x CROSS JOIN generate_series(1, ${T.NEIGHBOURS}::int) o(d)
      JOIN seq y ON y.topic_id = x.topic_id AND y.locality = x.locality AND y.rn = x.rn + o.d
      WHERE x.id > ${watermark} OR y.id > ${watermark}
    )
    SELECT a.id AS a, b.id AS b FROM k JOIN a ON a.id = k.aid JOIN a b ON b.id = k.bid
    WHERE ${RELATED}`,
  );
  const groups = components(pairs);
  if (!groups.length) return [];
  // A burst of messages can make hundreds of groups: they are described and stored in a fixed
  // number of statements, not a handful each.
  const infos = await describeGroups(tx, groups);
  const ids = (
    await tx.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence('problems', 'id'))::int AS id FROM generate_series(1, ${groups.length}::int)`
  ).map((r) => r.id);
  await tx.$executeRaw`
    INSERT INTO problems (id, title, topic_id, locality, address, lat, lon, origin, first_at, last_at, updated_at)
    SELECT id, title, topic_id, locality, address, lat, lon, 'auto'::"ProblemOrigin", now(), now(), now()
    FROM unnest(${ids}::int[], ${infos.map((i) => i.title.trim().slice(0, 300) || "Без названия")}::text[], ${infos.map((i) => i.topicId)}::int[],
                ${infos.map((i) => i.locality)}::text[], ${infos.map((i) => i.address)}::text[], ${infos.map((i) => i.lat)}::float8[],
                ${infos.map((i) => i.lon)}::float8[]) AS t(id, title, topic_id, locality, address, lat, lon)`;
  const members = groups.flatMap((g, i) => g.map((m) => [ids[i], m] as const));
  await tx.$executeRaw`
    INSERT INTO problem_messages (problem_id, message_id)
    SELECT p, m FROM unnest(${members.map((x) => x[0])}::int[], ${members.map((x) => x[1])}::int[]) AS t(p, m) ORDER BY m
    ON CONFLICT (message_id) WHERE detached_at IS NULL DO NOTHING`;
  await refreshProblemSpans(tx, ids);
  return ids;
}

/** Connected components (union–find) of the pair graph, each sorted, in order of first id. */
export function components(pairs: { a: number; b: number }[]): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a),
      rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, number[]>();
  for (const x of parent.keys()) {
    const r = find(x);
    groups.set(r, [...(groups.get(r) ?? []), x]);
  }
  return [...groups.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0] - y[0]);
}

/** Title, topic and place of each new problem from its messages (one query for all groups): the
 * earliest message title there is (or the topic) with the address, the most frequent address,
 * the mean coordinates. */
async function describeGroups(tx: Tx, groups: number[][]) {
  const ms = await tx.message.findMany({
    where: { id: { in: groups.flat() } },
    orderBy: [{ registeredAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      topicId: true,
      locality: true,
      address: true,
      lat: true,
      lon: true,
      topic: { select: { name: true } },
    },
  });
  // Each group's messages in registration order, as they come.
  const groupOf = new Map(groups.flatMap((ids, g) => ids.map((id) => [id, g] as const)));
  const members: (typeof ms)[] = groups.map(() => []);
  for (const m of ms) members[groupOf.get(m.id)!].push(m);
  return members.map(describeGroup);
}

type GroupMessage = {
  title: string | null;
  topicId: number | null;
  locality: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  topic: { name: string } | null;
};

function describeGroup(ms: GroupMessage[]) {
  const first = ms[0];
  const counts = new Map<string, number>();
  for (const m of ms) if (m.address) counts.set(m.address, (counts.get(m.address) ?? 0) + 1);
  const address = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
  const placed = ms.filter((m) => m.lat != null && m.lon != null);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const place = address ?? first.locality ?? "";
  const titled = ms.find((m) => m.title?.trim())?.title?.trim();
  const title = titled
    ? `${titled}${place ? ` — ${place}` : ""}`
    : `${first.topic?.name ?? "Проблема"}${place ? `: ${place}` : ""}`;
  return {
    title,
    topicId: first.topicId,
    locality: first.locality,
    address,
    lat: placed.length ? mean(placed.map((m) => m.lat!)) : null,
    lon: placed.length ? mean(placed.map((m) => m.lon!)) : null,
  };
}
