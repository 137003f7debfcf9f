/** One item of GET /api/v1/messages of the СМ ЛС contract (contracts/smls.md). */
import { z } from "zod";
import { httpUrl, isoDateTime, messageText, numericId, optionalString } from "../schema-common";

export const SMLS_PLATFORMS = ["vk", "ok", "telegram", "max"] as const;

export const smlsItemSchema = z
  .object({
    id: numericId,
    conversation_id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "conversation_id must be 1–100 of [A-Za-z0-9_-]"),
    platform: z.enum(SMLS_PLATFORMS),
    account: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(300) }),
    sender: z.object({
      id: z.string().min(1).max(100),
      name: z.string().min(1).max(300),
      profile_url: httpUrl.nullable(),
      phone: optionalString(50),
    }),
    // A private message may be a photo without words.
    text: messageText,
    attachments: z
      .array(z.object({ url: httpUrl, name: z.string().min(1).max(500), mime: z.string().max(200).nullable() }))
      .max(50),
    created_at: isoDateTime,
    edited_at: isoDateTime.nullable(),
  })
  .refine((m) => m.text.trim().length > 0 || m.attachments.length > 0, "message has neither text nor attachments");

export type SmlsItem = z.infer<typeof smlsItemSchema>;
