import { toPlainText } from "../sanitize";
import type { NormalizedMessage, NormalizedRating } from "../types";
import type { PosItem, PosRating } from "./schema";

/** ПОС item → NormalizedMessage. fz59=true means an appeal under 59-ФЗ with its own deadlines. */
export function normalizePos(item: PosItem): NormalizedMessage {
  const { author } = item;
  return {
    channel: "pos",
    externalId: item.id,
    regime: item.fz59 ? "fz59" : "pos_message",
    textRaw: item.text,
    textClean: toPlainText(item.text),
    title: null,
    sourceUrl: null,
    authorName: [author.last_name, author.first_name, author.middle_name].filter(Boolean).join(" "),
    authorPhone: author.phone,
    authorEmail: author.email,
    authorProfile: null,
    address: item.address,
    locality: item.locality,
    lat: item.coordinates?.lat ?? null,
    lon: item.coordinates?.lon ?? null,
    sourceCategory: item.category.name,
    sourceSubcategory: item.subcategory?.name ?? null,
    createdAt: item.created_at,
    // The platform bumps `version` on every edit; updated_at alone may repeat within a second.
    sourceVersion: `v${item.version}`,
    attachments: item.attachments.map((a) => ({ url: a.url, name: a.file_name, mime: a.mime_type })),
    extra: {
      categoryId: item.category.id,
      subcategoryId: item.subcategory?.id ?? null,
      municipality: item.municipality,
      updatedAt: item.updated_at.toISOString(),
    },
  };
}

export function normalizePosRating(item: PosRating): NormalizedRating {
  return {
    externalId: item.id,
    messageExternalId: item.message_id,
    score: item.rating,
    satisfied: item.satisfied,
    comment: item.comment,
    ratedAt: item.rated_at,
  };
}
