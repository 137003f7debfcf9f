/** One item of GET /api/v1/messages of the Инцидент Менеджмент contract (contracts/incident.md). */
import { z } from "zod";
import { httpUrl, isoDateTime, nonBlankText, numericId, optionalString } from "../schema-common";

export const SOCIAL_NETWORKS = ["vk", "ok", "telegram", "dzen", "max"] as const;
export const INCIDENT_TYPES = ["Жалоба", "Вопрос", "Предложение", "Обращение", "Благодарность"] as const;

export const incidentItemSchema = z.object({
  id: numericId,
  text: nonBlankText,
  network: z.enum(SOCIAL_NETWORKS),
  post_url: httpUrl,
  author: z.object({
    name: z.string().min(1).max(300),
    profile_url: httpUrl.nullable(),
    followers: z.number().int().nonnegative().nullable(),
  }),
  incident_type: z.enum(INCIDENT_TYPES),
  theme: optionalString(300),
  locality: optionalString(200),
  result: optionalString(5000),
  media: z
    .array(z.object({ url: httpUrl, type: z.enum(["photo", "video", "document"]), name: optionalString(500) }))
    .max(50),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});

export type IncidentItem = z.infer<typeof incidentItemSchema>;
