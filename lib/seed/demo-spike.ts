// A detectable growth in the demo data, so «Причины роста» shows a new user something real: in
// the last week fourteen residents of Чехов write about voltage drops after the substation's
// transformer was replaced, against three ordinary energy complaints from Чехов in the weeks
// before. All ages stay within the ~5 weeks the other demo messages span, so the demo history
// (and so the baseline of every other cell) does not grow longer. Keyed by external id
// "spike-N": re-running adds nothing.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelCode, Regime } from "@/lib/channels/types";
import type { StatusCode } from "@/lib/messages/labels";
import { pathTo } from "./status-paths";

export const SPIKE_TOPIC = "energy";
export const SPIKE_LOCALITY = "Чехов";
/** Words the spike's messages share and the topic's usual messages do not. */
export const SPIKE_WORDS = ["трансформатор", "подстанции", "перепады"] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const STREETS = [
  "ул. Центральная",
  "ул. Школьная",
  "ул. Советская",
  "ул. Садовая",
  "ул. Новая",
  "ул. Морская",
  "ул. Заречная",
];
const NAMES = [
  "Кравченко Ольга Петровна",
  "Ли Сергей Николаевич",
  "Пак Елена Викторовна",
  "Смирнов Андрей Ильич",
  "Ким Наталья Сергеевна",
  "Орлова Татьяна Юрьевна",
  "Беляев Игорь Олегович",
];
const TITLES = [
  "Перепады напряжения",
  "Мигает свет после ремонта подстанции",
  "Гудит трансформатор",
  "Сгорела техника из-за перепадов напряжения",
];
const OPENINGS = [
  "После замены трансформатора на подстанции у дома {addr} начались перепады напряжения.",
  "Трансформатор на подстанции возле {addr} гудит и искрит, свет мигает каждый вечер.",
  "Уже неделю перепады напряжения: после ремонта подстанции лампы то гаснут, то горят ярче.",
  "В доме {addr} из-за перепадов напряжения после работ на подстанции не работает насос.",
];
const DAMAGE = [
  "Сгорели холодильник и телевизор.",
  "У соседей сгорел котёл.",
  "Сгорела стиральная машина.",
  "Стабилизатор не справляется, техника отключается.",
  "Боимся включать обогреватели.",
];
const DEMANDS = [
  "Просим срочно разобраться.",
  "Кто возместит ущерб?",
  "Когда это закончится?",
  "Примите меры!",
  "Прошу ответить, какие работы велись.",
  "Жители всей улицы в таком же положении.",
  "Ждём выезда специалистов.",
];
/** Ordinary energy complaints of the weeks before, words the topic always has. */
const BASELINE_TEXTS = [
  { title: "Не горит фонарь", text: "На ул. Школьная не горит фонарь у остановки, вечером темно." },
  { title: "Отключили свет", text: "Вчера вечером отключили свет на три часа без предупреждения." },
  { title: "Оборван провод", text: "После ветра оборван провод на ул. Садовая, просим восстановить электроснабжение." },
];

type SpikeMessage = {
  n: number;
  ageDays: number;
  channel: ChannelCode;
  status: StatusCode;
  title: string;
  text: string;
  street: string;
  name: string;
};

/** The spike's messages, deterministic: 14 this week (newest first), 3 in the weeks before. */
export function spikeMessages(): SpikeMessage[] {
  const out: SpikeMessage[] = [];
  const channels: ChannelCode[] = ["pos", "incident", "smls", "pos", "sakhalin", "incident", "pos"];
  for (let i = 0; i < 14; i++) {
    const street = STREETS[i % STREETS.length];
    const addr = `${street}, д. ${3 + ((i * 7) % 29)}`;
    const text = [
      OPENINGS[i % OPENINGS.length].replace("{addr}", addr),
      DAMAGE[i % DAMAGE.length],
      DEMANDS[i % DEMANDS.length],
    ].join(" ");
    const ageDays = 0.15 + i * 0.42;
    const status: StatusCode = ageDays < 1 ? "new" : ageDays < 3 ? "routed" : "in_work";
    out.push({
      n: i + 1,
      ageDays,
      channel: channels[i % channels.length],
      status,
      title: TITLES[i % TITLES.length],
      text,
      street,
      name: NAMES[i % NAMES.length],
    });
  }
  BASELINE_TEXTS.forEach((b, j) => {
    out.push({
      n: 15 + j,
      ageDays: 10 + j * 8.5,
      channel: j === 1 ? "incident" : "pos",
      status: "in_work",
      title: b.title,
      text: b.text,
      street: STREETS[j],
      name: NAMES[j + 3],
    });
  });
  return out;
}

function regimeOf(channel: ChannelCode): Regime {
  return channel === "pos" ? "pos_message" : channel === "sakhalin" ? "portal" : "social_incident";
}

export async function seedDemoSpike(db: Db, opts: { now: Date }): Promise<number> {
  // Loaded here, not at the top: the e2e spec imports this module's constants, and Playwright's
  // loader cannot import the production calendar's JSON behind the deadline clock.
  const [{ DEFAULT_POLICIES }, { messageClock }] = await Promise.all([
    import("@/lib/deadlines"),
    import("@/lib/messages/clock"),
  ]);
  const msgs = spikeMessages();
  const existing = new Set(
    (
      await db.message.findMany({
        where: { externalId: { in: msgs.map((m) => `spike-${m.n}`) } },
        select: { externalId: true },
      })
    ).map((m) => m.externalId),
  );
  if (existing.size === msgs.length) return 0;
  const topic = await db.topic.findUniqueOrThrow({ where: { code: SPIKE_TOPIC }, select: { id: true, blockId: true } });
  const coordinator = await db.user.findUniqueOrThrow({ where: { login: "coordinator" }, select: { id: true } });
  const head = await db.user.findFirst({ where: { role: "block_head", blockId: topic.blockId }, select: { id: true } });
  let created = 0;
  for (const m of msgs) {
    const externalId = `spike-${m.n}`;
    if (existing.has(externalId)) continue;
    const registeredAt = new Date(opts.now.getTime() - m.ageDays * DAY);
    const regime = regimeOf(m.channel);
    const clock = messageClock(registeredAt, DEFAULT_POLICIES[regime]);
    const path = pathTo(m.status, m.channel);
    const events: Prisma.MessageEventCreateWithoutMessageInput[] = [
      { kind: "created", toStatus: "new", createdAt: registeredAt, reason: "Поступило из канала" },
    ];
    let from: StatusCode = "new";
    path.forEach((to, k) => {
      const actor = to === "in_work" ? (head?.id ?? coordinator.id) : coordinator.id;
      const reason = to === "in_work" ? "Принято в работу" : "Направлено в блок по теме";
      events.push({
        kind: "status_change",
        fromStatus: from,
        toStatus: to,
        createdAt: new Date(registeredAt.getTime() + (k + 1) * 2 * HOUR),
        reason,
        actor: { connect: { id: actor } },
      });
      from = to;
    });
    await db.message.create({
      data: {
        channel: m.channel,
        externalId,
        regime,
        status: m.status,
        title: m.channel === "pos" || m.channel === "sakhalin" ? m.title : null,
        textRaw: m.text,
        textClean: m.text,
        sourceUrl: m.channel === "incident" ? `https://vk.com/wall-1000_s${m.n}` : null,
        sourceVersion: "1",
        authorName: m.name,
        authorPhone: `+7 914 ${String(700 + m.n).padStart(3, "0")}-${String(10 + m.n).padStart(2, "0")}-${String(40 + m.n).padStart(2, "0")}`,
        address: `с. Чехов, ${m.street}, д. ${3 + ((m.n * 7) % 29)}`,
        locality: SPIKE_LOCALITY,
        lat: 47.4497 + ((m.n % 5) - 2) * 0.002,
        lon: 142.0686 + ((m.n % 3) - 1) * 0.002,
        sourceCategory: m.channel === "pos" ? "Энергетика" : null,
        sourceSubcategory: m.channel === "pos" ? "Отключения электроэнергии" : null,
        topic: { connect: { id: topic.id } },
        topicSource: m.channel === "pos" ? "category_map" : "model",
        topicConfidence: m.channel === "pos" ? 1 : 0.86,
        topicReason:
          m.channel === "pos"
            ? { category: "Энергетика", subcategory: "Отключения электроэнергии" }
            : { demo: true, note: "демо-данные" },
        block: { connect: { id: topic.blockId } },
        blockSource: "topic_map",
        blockReason: { topic: SPIKE_TOPIC },
        sourceCreatedAt: new Date(registeredAt.getTime() - 0.3 * HOUR),
        registeredAt,
        dueAt: clock.dueAt,
        dueLocalDate: clock.dueLocalDate,
        atRiskAt: clock.atRiskAt,
        firstReactionDueAt: clock.firstReactionDueAt,
        events: { create: events },
      },
    });
    created++;
  }
  return created;
}
