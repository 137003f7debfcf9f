import { contentHash } from "../content-hash";
import { toPlainText } from "../sanitize";
import type { NormalizedMessage } from "../types";
import type { SmlsItem } from "./schema";

/** СМ ЛС item (a private message to an official account) → NormalizedMessage. */
export function normalizeSmls(item: SmlsItem): NormalizedMessage {
  return {
    channel: "smls",
    externalId: item.id,
    regime: "social_incident",
    textRaw: item.text,
    textClean: toPlainText(item.text),
    title: null,
    sourceUrl: null,
    authorName: item.sender.name,
    authorPhone: item.sender.phone,
    authorEmail: null,
    authorProfile: item.sender.profile_url,
    address: null,
    locality: null,
    lat: null,
    lon: null,
    sourceCategory: null,
    sourceSubcategory: null,
    createdAt: item.created_at,
    // Not every platform reports edits, so the text fingerprint backs up edited_at.
    sourceVersion: item.edited_at ? `e:${item.edited_at.toISOString()}` : `h:${contentHash(item.text)}`,
    attachments: item.attachments.map((a) => ({ url: a.url, name: a.name, mime: a.mime })),
    extra: {
      conversationId: item.conversation_id,
      platform: item.platform,
      accountId: item.account.id,
      accountName: item.account.name,
      senderId: item.sender.id,
    },
  };
}
