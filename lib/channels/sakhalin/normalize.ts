import { toPlainText } from "../sanitize";
import type { NormalizedMessage } from "../types";
import type { SakhalinItem } from "./schema";

function fileName(url: string): string {
  return url.split(/[?#]/)[0]?.split("/").filter(Boolean).pop() ?? url;
}

/** Сахалин.Онлайн portal post → NormalizedMessage. */
export function normalizeSakhalin(item: SakhalinItem): NormalizedMessage {
  return {
    channel: "sakhalin",
    externalId: String(item.id),
    regime: "portal",
    textRaw: item.text,
    textClean: toPlainText(item.text),
    title: toPlainText(item.title, 500) || null,
    sourceUrl: item.url,
    authorName: item.author.name,
    authorPhone: item.author.phone,
    authorEmail: item.author.email,
    authorProfile: null,
    address: item.address,
    locality: item.locality,
    lat: item.lat,
    lon: item.lon,
    sourceCategory: item.rubric.name,
    sourceSubcategory: null,
    createdAt: item.created_at,
    // Moderation status changes bump updated_at too; the pipeline sees them as edits.
    sourceVersion: item.updated_at.toISOString(),
    attachments: item.photos.map((url) => ({ url, name: fileName(url), mime: null })),
    extra: { rubricId: item.rubric.id, status: item.status },
  };
}
