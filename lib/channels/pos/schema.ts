/** One item of GET /api/v1/messages of the ПОС contract (contracts/pos.md). */
import { z } from "zod";
import { httpUrl, isoDateTime, latitude, longitude, nonBlankText, numericId, optionalString } from "../schema-common";

const named = z.object({ id: z.number().int().positive(), name: z.string().min(1).max(300) });

export const posAttachmentSchema = z.object({
  id: z.string().min(1).max(100),
  url: httpUrl,
  file_name: z.string().min(1).max(500),
  mime_type: z.string().max(200).nullable(),
  size_bytes: z.number().int().nonnegative().nullable(),
});

export const posItemSchema = z.object({
  id: numericId,
  text: nonBlankText,
  category: named,
  subcategory: named.nullable(),
  fz59: z.boolean(),
  address: optionalString(1000),
  locality: optionalString(200),
  municipality: optionalString(300),
  coordinates: z.object({ lat: latitude, lon: longitude }).nullable(),
  author: z.object({
    last_name: z.string().min(1).max(200),
    first_name: z.string().min(1).max(200),
    middle_name: optionalString(200),
    phone: optionalString(50),
    email: optionalString(320),
  }),
  attachments: z.array(posAttachmentSchema).max(50),
  created_at: isoDateTime,
  updated_at: isoDateTime,
  version: z.number().int().positive(),
});

export type PosItem = z.infer<typeof posItemSchema>;

export const posRatingSchema = z
  .object({
    id: numericId,
    message_id: numericId,
    rating: z.number().int().min(1).max(5).nullable(),
    satisfied: z.boolean().nullable(),
    comment: optionalString(5000),
    rated_at: isoDateTime,
  })
  .refine((r) => r.rating !== null || r.satisfied !== null, "rating or satisfied must be given");

export type PosRating = z.infer<typeof posRatingSchema>;
