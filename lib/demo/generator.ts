/**
 * Deterministic generator of realistic resident messages about the Kholmsk district.
 * Pure: the output depends only on the rng state and the options (no clock, no Math.random),
 * so the seed script and the channel simulators reproduce the same data from the same seed.
 * Messages are composed from independent slots (greeting, intro, problem, details, duration,
 * earlier attempts, demand, emotion, signature) so a few hundred phrases give millions of texts.
 */
import type { Topic } from "@/lib/channels/types";
import { pickPerson, type Person } from "./people";
import { LOCALITIES, pickPlace } from "./places";
import * as P from "./phrases";
import type { Rng } from "./rng";
import { THEMES_BY_TOPIC, type Theme } from "./themes";

export { createRng, hashSeed, type Rng } from "./rng";
export { POS_CATEGORIES, topicOfPosCategory, type PosCategory } from "./pos-categories";

/**
 * How the text reads: an appeal on a form (`formal`), a public social-network post (`social`),
 * a private message to an official account (`chat`), a portal post with a title (`portal`).
 */
export type MessageStyle = "formal" | "social" | "chat" | "portal";

export type GenerateOptions = {
  topic?: Topic;
  /** Exact creation time; otherwise a daytime moment within `spreadDays` before `now`. */
  at?: Date;
  /** Reference time when `at` is absent (default: REFERENCE_NOW, a constant, to stay pure). */
  now?: Date;
  spreadDays?: number;
  style?: MessageStyle;
  /** Adds a closing that invokes 59-ФЗ (for ПОС appeals registered under 59-ФЗ). */
  fz59?: boolean;
};

export type ResidentMessage = {
  topic: Topic;
  posCategory: string;
  posSubcategory: string;
  title: string;
  /** Plain text or light HTML (see hasHtml); may contain emoji. */
  text: string;
  hasHtml: boolean;
  /** «г. Холмск, ул. Советская, д. 45» */
  address: string;
  locality: string;
  lat: number;
  lon: number;
  authorName: string;
  authorPhone: string;
  authorEmail: string;
  /** The author split into parts, for channels that carry ФИО separately. */
  author: Person;
  createdAt: Date;
};

/** Fixed reference time used when no `now` is passed (keeps the function pure). */
export const REFERENCE_NOW = new Date("2026-11-20T03:00:00Z");

/** Rough real-world shares: ЖКХ and roads dominate what residents write about. */
const TOPIC_WEIGHTS: readonly (readonly [Topic, number])[] = [
  ["housing", 20],
  ["roads", 14],
  ["waste", 9],
  ["energy", 8],
  ["education", 8],
  ["transport", 7],
  ["healthcare", 6],
  ["social", 5],
  ["property", 4],
  ["construction", 4],
  ["other", 4],
  ["trade", 3],
  ["sport", 3],
  ["culture", 3],
  ["guardianship", 2],
];

const STYLE_PARAMS: Record<MessageStyle, { html: number; emoji: number }> = {
  formal: { html: 0.1, emoji: 0.06 },
  portal: { html: 0.15, emoji: 0.04 },
  social: { html: 0, emoji: 0.45 },
  chat: { html: 0, emoji: 0.2 },
};

const VILLAGES = LOCALITIES.filter((l) => l.name !== "Холмск").map((l) => l.name);
const SAKHALIN_OFFSET_MS = 11 * 3_600_000;
const DAY_MS = 86_400_000;
/** Hour of day (Asia/Sakhalin) when people write: evenings peak, nights are rare. */
const HOUR_WEIGHTS: readonly (readonly [number, number])[] = Array.from(
  { length: 24 },
  (_, h) => [h, h < 6 ? 1 : h < 9 ? 4 : h < 18 ? 8 : h < 23 ? 10 : 3] as const,
);

type Context = Record<string, string>;

/** Templates split once into [text, key, text, key, …, text]; phrases are a finite set. */
const COMPILED = new Map<string, string[]>();

function fill(template: string, ctx: Context): string {
  let parts = COMPILED.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    COMPILED.set(template, parts);
  }
  if (parts.length === 1) return template;
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] ?? "";
    out += (ctx[key] ?? `{${key}}`) + (parts[i + 1] ?? "");
  }
  return out;
}

function capitalize(s: string): string {
  const first = s.charAt(0);
  const upper = first.toUpperCase();
  return first === upper ? s : upper + s.slice(1);
}

/** Picks up to `count` distinct elements. */
function pickSome(rng: Rng, items: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count * 3 && out.length < Math.min(count, items.length); i++) {
    const item = rng.pick(items);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function pickCreatedAt(rng: Rng, opts: GenerateOptions): Date {
  if (opts.at) return new Date(opts.at.getTime());
  const now = (opts.now ?? REFERENCE_NOW).getTime();
  const days = opts.spreadDays ?? 60;
  const localNow = now + SAKHALIN_OFFSET_MS;
  const localMidnight = localNow - (localNow % DAY_MS) - rng.int(0, Math.max(0, days - 1)) * DAY_MS;
  const local = localMidnight + rng.weighted(HOUR_WEIGHTS) * 3_600_000 + rng.int(0, 3_599) * 1000;
  let utc = local - SAKHALIN_OFFSET_MS;
  if (utc > now) utc -= DAY_MS;
  return new Date(utc);
}

function buildContext(rng: Rng, place: ReturnType<typeof pickPlace>, person: Person): Context {
  return {
    addr: `№ ${place.house} по ${place.street}`,
    fulladdr: place.streetAddress,
    street: place.street,
    loc: place.locality.name,
    locIn: place.locality.inForm,
    village: rng.pick(VILLAGES),
    school: String(rng.int(1, 9)),
    kg: rng.pick(P.KINDERGARTENS),
    bus: rng.pick(P.BUS_ROUTES),
    n: String(rng.int(2, 4)),
    temp: String(rng.int(12, 17)),
    hours: String(rng.int(3, 14)),
    name: rng.chance(0.5)
      ? person.fullName
      : `${person.lastName} ${person.firstName.charAt(0)}.${person.middleName ? ` ${person.middleName.charAt(0)}.` : ""}`,
    firstName: person.firstName,
    phone: person.phone,
  };
}

/** Sentences of a message, grouped in paragraphs. */
type Draft = string[][];

function composeFormal(rng: Rng, theme: Theme, ctx: Context, style: MessageStyle, fz59: boolean): Draft {
  const opening: string[] = [];
  if (style === "formal" ? rng.chance(0.75) : rng.chance(0.3)) opening.push(rng.pick(P.GREETINGS_FORMAL));
  if (rng.chance(0.35)) opening.push(rng.pick(P.INTROS));

  const body = [rng.pick(theme.problems), ...pickSome(rng, theme.details, rng.int(0, 2))];
  if (rng.chance(0.5)) body.push(rng.pick(P.DURATIONS));
  if (theme.contacted && rng.chance(0.4)) {
    ctx.contacted = rng.pick(theme.contacted);
    body.push(rng.pick(P.CONTACTED));
  }

  const closing = [rng.chance(0.85) ? rng.pick(theme.demands) : rng.pick(P.GENERIC_DEMANDS)];
  if (rng.chance(0.25)) closing.push(rng.pick(P.GENERIC_DEMANDS));
  if (rng.chance(0.4)) closing.push(rng.pick(P.EMOTIONS_FORMAL));
  if (fz59) closing.push(rng.pick(P.FZ59_CLOSINGS));

  const draft: Draft = [opening, body, closing];
  if (style === "formal" && rng.chance(0.3)) draft.push([rng.pick(P.SIGNOFFS)]);
  return draft.filter((p) => p.length > 0);
}

function composeSocial(rng: Rng, theme: Theme, ctx: Context): Draft {
  const sentences: string[] = [];
  if (rng.chance(0.4)) sentences.push(rng.pick(P.SOCIAL_OPENINGS));
  sentences.push(rng.pick(theme.problems), ...pickSome(rng, theme.details, rng.int(0, 2)));
  if (rng.chance(0.4)) sentences.push(rng.pick(P.DURATIONS));
  sentences.push(rng.chance(0.6) ? rng.pick(P.EMOTIONS_SOCIAL) : rng.pick(theme.demands));
  if (rng.chance(0.35)) sentences.push(pickSome(rng, P.HASHTAGS, rng.int(1, 3)).join(" "));
  void ctx;
  return [sentences];
}

function composeChat(rng: Rng, theme: Theme): Draft {
  const sentences = [rng.pick(P.GREETINGS_CHAT), rng.pick(theme.problems)];
  if (rng.chance(0.5)) sentences.push(rng.pick(theme.details));
  sentences.push(rng.chance(0.6) ? rng.pick(P.CHAT_QUESTIONS) : rng.pick(theme.demands));
  return [sentences];
}

function render(rng: Rng, draft: Draft, ctx: Context, style: MessageStyle): { text: string; hasHtml: boolean } {
  const params = STYLE_PARAMS[style];
  const paragraphs = draft.map((p) => p.map((s) => capitalize(fill(s, ctx))));

  if (style === "social" && rng.chance(0.25)) {
    // Social posts are often typed in a hurry: extra exclamation marks on the last sentence.
    const last = paragraphs[paragraphs.length - 1] ?? [];
    let i = last.length - 1;
    while (i > 0 && (last[i] ?? "").startsWith("#")) i--;
    if (i >= 0) last[i] = (last[i] ?? "").replace(/[.!?]*$/, "!!!");
  }
  if (rng.chance(params.emoji)) {
    const last = paragraphs[paragraphs.length - 1];
    if (last) last.push(rng.pick(rng.chance(0.6) ? P.EMOJI_SAD : P.EMOJI_NEUTRAL).repeat(rng.int(1, 3)));
    if (rng.chance(0.3) && paragraphs[0]) paragraphs[0].unshift(rng.pick(P.EMOJI_NEUTRAL));
  }

  if (rng.chance(params.html)) {
    const esc = (s: string) =>
      rng.chance(0.5) ? s.replace(/«/g, "&laquo;").replace(/»/g, "&raquo;").replace(/№ /g, "№&nbsp;") : s;
    if (rng.chance(0.5)) {
      const html = paragraphs.map((p, i) => {
        const inner = p.map(esc).join(" ");
        return i === paragraphs.length - 1 && rng.chance(0.5) ? `<p><b>${inner}</b></p>` : `<p>${inner}</p>`;
      });
      return { text: html.join(rng.chance(0.5) ? "\n" : ""), hasHtml: true };
    }
    return { text: paragraphs.map((p) => p.map(esc).join(" ")).join("<br>\n"), hasHtml: true };
  }
  const separator = style === "chat" ? " " : rng.pick(["\n", "\n\n", " "]);
  return { text: paragraphs.map((p) => p.join(" ")).join(separator), hasHtml: false };
}

export function pickTheme(rng: Rng, topic?: Topic): Theme {
  const chosen = topic ?? rng.weighted(TOPIC_WEIGHTS);
  const themes = THEMES_BY_TOPIC.get(chosen);
  if (!themes || themes.length === 0) throw new Error(`No demo themes for topic ${chosen}`);
  return rng.pick(themes);
}

export function generateResidentMessage(rng: Rng, opts: GenerateOptions = {}): ResidentMessage {
  const style = opts.style ?? "formal";
  const theme = pickTheme(rng, opts.topic);
  const place = pickPlace(rng);
  const person = pickPerson(rng);
  const ctx = buildContext(rng, place, person);

  const draft =
    style === "social"
      ? composeSocial(rng, theme, ctx)
      : style === "chat"
        ? composeChat(rng, theme)
        : composeFormal(rng, theme, ctx, style, opts.fz59 ?? false);
  const { text, hasHtml } = render(rng, draft, ctx, style);

  return {
    topic: theme.topic,
    posCategory: theme.category,
    posSubcategory: theme.subcategory,
    title: capitalize(fill(rng.pick(theme.titles), ctx)),
    text,
    hasHtml,
    address: `${place.locality.addressPrefix}, ${place.streetAddress}`,
    locality: place.locality.name,
    lat: place.lat,
    lon: place.lon,
    authorName: person.fullName,
    authorPhone: person.phone,
    authorEmail: person.email,
    author: person,
    createdAt: pickCreatedAt(rng, opts),
  };
}
