import { toPlainText } from "../sanitize";
import type { Attachment, NormalizedMessage } from "../types";
import type { IncidentItem } from "./schema";

const MEDIA_MIME: Record<IncidentItem["media"][number]["type"], string | null> = {
  photo: "image/jpeg",
  video: "video/mp4",
  document: null,
};

function mediaName(url: string, name: string | null): string {
  if (name) return name;
  const last = url.split(/[?#]/)[0]?.split("/").filter(Boolean).pop();
  return last ?? url;
}

/** Инцидент Менеджмент item (a public social-network post) → NormalizedMessage. */
export function normalizeIncident(item: IncidentItem): NormalizedMessage {
  const attachments: Attachment[] = item.media.map((m) => ({
    url: m.url,
    name: mediaName(m.url, m.name),
    mime: MEDIA_MIME[m.type],
  }));
  return {
    channel: "incident",
    externalId: item.id,
    regime: "social_incident",
    textRaw: item.text,
    textClean: toPlainText(item.text),
    title: null,
    sourceUrl: item.post_url,
    authorName: item.author.name,
    authorPhone: null,
    authorEmail: null,
    authorProfile: item.author.profile_url,
    address: null,
    locality: item.locality,
    lat: null,
    lon: null,
    // The monitoring operator's theme is a hint, not the resident's own choice.
    sourceCategory: item.theme,
    sourceSubcategory: null,
    createdAt: item.created_at,
    sourceVersion: item.updated_at.toISOString(),
    attachments,
    extra: {
      network: item.network,
      incidentType: item.incident_type,
      followers: item.author.followers,
      result: item.result,
    },
  };
}
