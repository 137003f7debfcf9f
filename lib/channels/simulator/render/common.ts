/** What every channel renderer gets, and helpers they share. */
import type { GenerateOptions, MessageStyle, ResidentMessage } from "@/lib/demo/generator";
import { hashSeed } from "@/lib/demo/rng";
import type { ChannelCode } from "../../types";

export type RenderInput = {
  seed: number;
  /** Message index in the feed. */
  index: number;
  externalId: string;
  version: number;
  /** Generated content of version 1. */
  base: ResidentMessage;
  /** Text of this version (edits append to it). */
  text: string;
  createdAt: Date;
  updatedAt: Date;
  /** Base URL of this simulator, for links to its /view and /files pages. */
  publicUrl: string;
};

export type JsonObject = Record<string, unknown>;

export type ChannelRenderer = {
  channel: ChannelCode;
  style: MessageStyle;
  /** Extra generator options for message `index` (e.g. the 59-ФЗ flag). */
  generateOptions(seed: number, index: number): Pick<GenerateOptions, "fz59">;
  render(input: RenderInput): JsonObject;
  /** Ways to break an item for invalidItemRate; each mutates the item in place. */
  corruptions: readonly ((item: JsonObject) => void)[];
};

/** A per-seed id range so two simulators with different seeds rarely share ids. */
export function idBase(seed: number, channel: ChannelCode): number {
  return 10_000_000 + (hashSeed(seed, channel, "ids") % 80_000_000);
}

const SAKHALIN_OFFSET_MS = 11 * 3_600_000;

/** «2026-11-20T10:15:00+11:00»: local Sakhalin time with offset, as the ПОС and portal send. */
export function sakhalinIso(d: Date): string {
  return utcIsoSeconds(new Date(d.getTime() + SAKHALIN_OFFSET_MS)).slice(0, 19) + "+11:00";
}

/** «2026-11-19T23:15:00Z» */
export function utcIsoSeconds(d: Date): string {
  const ms = d.getTime();
  // created_at and updated_at are usually equal: format once.
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = d.toISOString().slice(0, 19) + "Z";
  }
  return lastIso;
}
let lastMs = NaN;
let lastIso = "";

const EDIT_SUFFIXES = [
  "UPD: ситуация так и не изменилась.",
  "Дополняю: сегодня стало ещё хуже.",
  "P.S. Фото прикладываю.",
  "UPD: частично сделали, но не до конца.",
  "Добавлю: соседи подтверждают, готовы подписаться.",
  "Уточнение: проблема касается всего подъезда.",
  "UPD: приезжали, посмотрели и уехали. Ничего не сделано.",
  "Дополнение: звонили в диспетчерскую ещё раз, ответа нет.",
];

/** Text of version `v`: the original plus a note; consecutive versions always differ. */
export function editedText(seed: number, index: number, original: string, version: number): string {
  if (version <= 1) return original;
  const i = (hashSeed(seed, "edit", index) + version) % EDIT_SUFFIXES.length;
  const sep = /<\/?(p|br)\b/i.test(original) ? "<br>" : "\n";
  return `${original}${sep}${EDIT_SUFFIXES[i]}`;
}

/** Generic breakages: missing id, unparseable or impossible dates, wrong types. */
export function commonCorruptions(idKey: string, dateKey: string): ((item: JsonObject) => void)[] {
  return [
    (item) => {
      delete item[idKey];
    },
    (item) => {
      item[dateKey] = "31.02.2026 25:61";
    },
    (item) => {
      item[dateKey] = "2026-02-30T10:00:00+11:00";
    },
    (item) => {
      item.text = 12345;
    },
    (item) => {
      item[idKey] = null;
    },
  ];
}
