import type { Topic } from "@/lib/channels/types";

/**
 * One sub-theme of a topic: the phrases the generator composes a message from.
 * Placeholders resolved by the generator: {addr} «№ 45 по ул. Советская» (follows «дом»),
 * {fulladdr} «ул. Советская, д. 45», {street} «ул. Советская»,
 * {loc} «Холмск», {locIn} «в Холмске», {school} a school number, {kg} a kindergarten name
 * in quotes, {bus} a bus route number, {n} a small number, {temp} an indoor temperature,
 * {hours} a number of hours, {village} a village name (never Холмск).
 */
export type Theme = {
  topic: Topic;
  /** ПОС category and subcategory the resident would choose (see POS_CATEGORIES). */
  category: string;
  subcategory: string;
  titles: readonly string[];
  /** The core complaint, one sentence. */
  problems: readonly string[];
  /** Supporting details, any of which may be added. */
  details: readonly string[];
  /** What the resident asks for. */
  demands: readonly string[];
  /** Where the resident already complained, in the accusative: «в управляющую компанию». */
  contacted?: readonly string[];
};
