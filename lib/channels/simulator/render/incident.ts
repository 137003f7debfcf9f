/** Items of the Инцидент Менеджмент contract: public posts found in social networks. */
import { pickPerson, socialDisplayName } from "@/lib/demo/people";
import { createRng, hashSeed } from "@/lib/demo/rng";
import { commonCorruptions, utcIsoSeconds, type ChannelRenderer, type JsonObject } from "./common";

const NETWORKS = [
  ["vk", 55],
  ["telegram", 25],
  ["ok", 15],
  ["dzen", 3],
  ["max", 2],
] as const;
const TYPES = [
  ["Жалоба", 50],
  ["Вопрос", 20],
  ["Обращение", 15],
  ["Предложение", 10],
  ["Благодарность", 5],
] as const;
const GROUPS = ["holmsk_live", "podslushano_holmsk", "holmsk_news", "sakhalin_today", "chp_holmsk"];

export const incidentRenderer: ChannelRenderer = {
  channel: "incident",
  style: "social",
  generateOptions: () => ({}),
  render(input) {
    const rng = createRng(hashSeed(input.seed, "incident-extra", input.index));
    const network = rng.weighted(NETWORKS);
    const group = rng.pick(GROUPS);
    const postNo = rng.int(1000, 999_999);
    const userNo = rng.int(100_000, 899_999_999);
    const media: JsonObject[] = [];
    if (rng.chance(0.3)) {
      const n = rng.int(1, 4);
      for (let k = 1; k <= n; k++) {
        media.push({
          url: `${input.publicUrl}/files/${input.externalId}/photo_${k}.jpg`,
          type: "photo",
          name: rng.chance(0.5) ? `photo_${k}.jpg` : null,
        });
      }
    }
    if (rng.chance(0.04))
      media.push({ url: `${input.publicUrl}/files/${input.externalId}/video.mp4`, type: "video", name: null });
    // Authors are derived from the message index, so the same person keeps one profile.
    const person = pickPerson(createRng(hashSeed(input.seed, "incident-person", input.index)));
    return {
      id: input.externalId,
      text: input.text,
      network,
      post_url: `${input.publicUrl}/view/${network}/${group}/${postNo}`,
      author: {
        name: socialDisplayName(rng, person),
        profile_url: rng.chance(0.95) ? `${input.publicUrl}/view/${network}/user/${userNo}` : null,
        followers: rng.chance(0.8) ? rng.int(0, 3000) : null,
      },
      incident_type: rng.weighted(TYPES),
      theme: rng.chance(0.7) ? input.base.posCategory : null,
      locality: rng.chance(0.6) ? input.base.locality : null,
      result: null,
      media,
      created_at: utcIsoSeconds(input.createdAt),
      updated_at: utcIsoSeconds(input.updatedAt),
    };
  },
  corruptions: [
    ...commonCorruptions("id", "created_at"),
    (item) => {
      item.network = "myspace";
    },
    (item) => {
      item.post_url = "javascript:alert(1)";
    },
  ],
};
