/** Items of the Сахалин.Онлайн portal contract. */
import { createRng, hashSeed } from "@/lib/demo/rng";
import { commonCorruptions, sakhalinIso, type ChannelRenderer } from "./common";

/** The portal's own rubrics; ПОС category names map onto them. */
const RUBRICS: Record<string, { id: number; name: string }> = {
  Дороги: { id: 11, name: "Дороги и транспорт" },
  "Общественный транспорт": { id: 11, name: "Дороги и транспорт" },
  ЖКХ: { id: 12, name: "ЖКХ" },
  Благоустройство: { id: 13, name: "Благоустройство" },
  "Мусор/ТКО": { id: 14, name: "Экология и мусор" },
  Энергетика: { id: 12, name: "ЖКХ" },
  Образование: { id: 15, name: "Образование" },
  Здравоохранение: { id: 16, name: "Здравоохранение" },
  "Социальное обслуживание и защита": { id: 17, name: "Социальная сфера" },
  Опека: { id: 17, name: "Социальная сфера" },
  Строительство: { id: 18, name: "Строительство и земля" },
  "Имущество и земля": { id: 18, name: "Строительство и земля" },
  Торговля: { id: 19, name: "Торговля и услуги" },
  Спорт: { id: 20, name: "Культура и спорт" },
  Культура: { id: 20, name: "Культура и спорт" },
};
const OTHER = { id: 21, name: "Разное" };

export const sakhalinRenderer: ChannelRenderer = {
  channel: "sakhalin",
  style: "portal",
  generateOptions: () => ({}),
  render(input) {
    const rng = createRng(hashSeed(input.seed, "sakhalin-extra", input.index));
    const { base } = input;
    // Edits on the portal usually come with moderation/progress status changes.
    const status =
      input.version === 1
        ? rng.weighted([
            ["published", 70],
            ["moderation", 20],
            ["in_work", 10],
          ] as const)
        : rng.weighted([
            ["in_work", 50],
            ["answered", 30],
            ["published", 20],
          ] as const);
    const photos: string[] = [];
    const photoCount = rng.chance(0.2) ? rng.int(1, 3) : 0;
    for (let k = 1; k <= photoCount; k++) photos.push(`${input.publicUrl}/files/${input.externalId}/${k}.jpg`);
    const hasPlace = rng.chance(0.7);
    return {
      id: Number(input.externalId),
      title: base.title,
      text: input.text,
      rubric: RUBRICS[base.posCategory] ?? OTHER,
      address: hasPlace ? base.address : null,
      locality: base.locality,
      lat: hasPlace ? base.lat : null,
      lon: hasPlace ? base.lon : null,
      author: {
        name: rng.chance(0.7) ? base.authorName : base.author.firstName,
        email: rng.chance(0.6) ? base.authorEmail : null,
        phone: rng.chance(0.3) ? base.authorPhone : null,
      },
      status,
      url: `${input.publicUrl}/view/appeal/${input.externalId}`,
      photos,
      created_at: sakhalinIso(input.createdAt),
      updated_at: sakhalinIso(input.updatedAt),
    };
  },
  corruptions: [
    ...commonCorruptions("id", "created_at"),
    (item) => {
      item.id = String(item.id);
    },
    (item) => {
      item.lat = 200;
    },
    (item) => {
      item.status = "неизвестно";
    },
  ],
};
