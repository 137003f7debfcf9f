/**
 * Shared types of the channel layer: what every adapter hands to the ingest pipeline.
 * Channel and regime codes are part of the public contract (docs/ARCHITECTURE.md «Channels», «Legal regimes and deadlines»), so they are
 * declared once here and re-used by adapters, simulators and the pipeline.
 */

export const CHANNEL_CODES = ["pos", "incident", "smls", "sakhalin"] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

export const REGIMES = ["fz59", "pos_message", "social_incident", "portal"] as const;
export type Regime = (typeof REGIMES)[number];

/** Socially significant topics, docs/ARCHITECTURE.md «Topics and blocks». */
export const TOPICS = [
  "education",
  "healthcare",
  "social",
  "transport",
  "roads",
  "energy",
  "housing",
  "waste",
  "property",
  "construction",
  "trade",
  "sport",
  "culture",
  "guardianship",
  "other",
] as const;
export type Topic = (typeof TOPICS)[number];

export type Attachment = { url: string; name: string; mime: string | null };

export type NormalizedMessage = {
  channel: ChannelCode;
  externalId: string;
  regime: Regime;
  /** Exactly as received (may contain HTML); never rendered raw. */
  textRaw: string;
  /** Sanitized plain text: no tags, entities decoded, whitespace collapsed, at most 20,000 chars. */
  textClean: string;
  title: string | null;
  sourceUrl: string | null;
  authorName: string | null;
  authorPhone: string | null;
  authorEmail: string | null;
  authorProfile: string | null;
  address: string | null;
  locality: string | null;
  lat: number | null;
  lon: number | null;
  sourceCategory: string | null;
  sourceSubcategory: string | null;
  /** Creation time at the source. */
  createdAt: Date;
  /** Changes whenever the source edits the message (updated_at, version or a content hash). */
  sourceVersion: string;
  attachments: Attachment[];
  /** Channel-specific fields (incident type, social network, conversation id…). */
  extra: Record<string, unknown>;
};

/** A resident's rating of an answer (ПОС only). */
export type NormalizedRating = {
  /** Id of the rating record itself: a resident may rate the same message again after a reopen. */
  externalId: string;
  /** External id of the rated message. */
  messageExternalId: string;
  /** 1..5, or null when the resident only said satisfied / not satisfied. */
  score: number | null;
  /** «удовлетворён» / «не удовлетворён», or null when only a score was given. */
  satisfied: boolean | null;
  comment: string | null;
  ratedAt: Date;
};
