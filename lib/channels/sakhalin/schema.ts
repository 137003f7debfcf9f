/** One item of GET /api/v1/messages of the Сахалин.Онлайн contract (contracts/sakhalin.md). */
import { z } from "zod";
import { httpUrl, isoDateTime, latitude, longitude, nonBlankText, optionalString } from "../schema-common";

export const PORTAL_STATUSES = ["moderation", "published", "in_work", "answered", "closed", "rejected"] as const;

export const sakhalinItemSchema = z.object({
  // The portal numbers posts with integers, unlike the other channels' string ids.
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  title: z.string().min(1).max(500),
  text: nonBlankText,
  rubric: z.object({ id: z.number().int().positive(), name: z.string().min(1).max(300) }),
  address: optionalString(1000),
  locality: optionalString(200),
  lat: latitude.nullable(),
  lon: longitude.nullable(),
  author: z.object({ name: z.string().min(1).max(300), email: optionalString(320), phone: optionalString(50) }),
  status: z.enum(PORTAL_STATUSES),
  url: httpUrl,
  photos: z.array(httpUrl).max(50),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});

export type SakhalinItem = z.infer<typeof sakhalinItemSchema>;
