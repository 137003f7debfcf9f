/** Items of the ПОС («Решаем вместе») contract. */
import { POS_CATEGORIES } from "@/lib/demo/pos-categories";
import { createRng, hashSeed, hashUnit } from "@/lib/demo/rng";
import { commonCorruptions, sakhalinIso, type ChannelRenderer, type JsonObject } from "./common";

const IDS = new Map<string, { category: number; subcategory: number }>();
for (const c of POS_CATEGORIES)
  for (const s of c.subcategories) IDS.set(`${c.name}/${s.name}`, { category: c.id, subcategory: s.id });

const PHOTO_COUNTS = [
  [0, 70],
  [1, 18],
  [2, 8],
  [3, 4],
] as const;

/** Share of ПОС messages registered as 59-ФЗ appeals. */
const FZ59_SHARE = 0.3;

export const posRenderer: ChannelRenderer = {
  channel: "pos",
  style: "formal",
  generateOptions: (seed, index) => ({ fz59: hashUnit(seed, "fz59", index) < FZ59_SHARE }),
  render(input) {
    const { base } = input;
    const rng = createRng(hashSeed(input.seed, "pos-extra", input.index));
    const ids = IDS.get(`${base.posCategory}/${base.posSubcategory}`);
    const attachments: JsonObject[] = [];
    const photos = rng.weighted(PHOTO_COUNTS);
    for (let k = 1; k <= photos; k++) {
      const name = `IMG_${rng.int(1000, 9999)}.jpg`;
      attachments.push({
        id: `${input.externalId}-${k}`,
        url: `${input.publicUrl}/files/${input.externalId}/${name}`,
        file_name: name,
        mime_type: "image/jpeg",
        size_bytes: rng.int(150_000, 4_500_000),
      });
    }
    if (rng.chance(0.03)) {
      attachments.push({
        id: `${input.externalId}-doc`,
        url: `${input.publicUrl}/files/${input.externalId}/scan.pdf`,
        file_name: "Скан ответа управляющей компании.pdf",
        mime_type: rng.chance(0.8) ? "application/pdf" : null,
        size_bytes: rng.chance(0.9) ? rng.int(50_000, 900_000) : null,
      });
    }
    const { author } = base;
    return {
      id: input.externalId,
      text: input.text,
      category: { id: ids?.category ?? 16, name: base.posCategory },
      subcategory: { id: ids?.subcategory ?? 1603, name: base.posSubcategory },
      fz59: hashUnit(input.seed, "fz59", input.index) < FZ59_SHARE,
      address: rng.chance(0.93) ? base.address : null,
      locality: base.locality,
      municipality: "Холмский муниципальный округ",
      coordinates: rng.chance(0.85) ? { lat: base.lat, lon: base.lon } : null,
      author: {
        last_name: author.lastName,
        first_name: author.firstName,
        middle_name: author.middleName,
        phone: rng.chance(0.95) ? author.phone : null,
        email: rng.chance(0.8) ? author.email : null,
      },
      attachments,
      created_at: sakhalinIso(input.createdAt),
      updated_at: sakhalinIso(input.updatedAt),
      version: input.version,
    };
  },
  corruptions: [
    ...commonCorruptions("id", "created_at"),
    (item) => {
      item.coordinates = { lat: 147.04, lon: 242.04 };
    },
    (item) => {
      item.fz59 = "да";
    },
    (item) => {
      delete item.author;
    },
  ],
};
