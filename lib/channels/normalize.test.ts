import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeItem } from "./registry";
import { startSimulator, type Simulator } from "./simulator";
import { CHANNEL_CODES, type ChannelCode, type NormalizedMessage } from "./types";

function ok(channel: ChannelCode, raw: unknown): NormalizedMessage {
  const r = normalizeItem(channel, raw);
  if (!r.ok) throw new Error(r.error);
  return r.message;
}

describe("normalize: contract examples", () => {
  const posItem = {
    id: "48123456",
    text: "<p>Во дворе дома № 5 по ул. Советская яма&nbsp;&laquo;на полдвора&raquo;</p><p>Прошу отремонтировать.</p>",
    category: { id: 1, name: "Дороги" },
    subcategory: { id: 101, name: "Ямы на дорогах" },
    fz59: true,
    address: "г. Холмск, ул. Советская, д. 5",
    locality: "Холмск",
    municipality: "Холмский муниципальный округ",
    coordinates: { lat: 47.0406, lon: 142.0417 },
    author: {
      last_name: "Иванова",
      first_name: "Ольга",
      middle_name: "Петровна",
      phone: "+7 914 123-45-67",
      email: "ivanova.o@mail.ru",
    },
    attachments: [
      {
        id: "a1",
        url: "https://pos.example/files/1.jpg",
        file_name: "1.jpg",
        mime_type: "image/jpeg",
        size_bytes: 1000,
      },
    ],
    created_at: "2026-11-20T10:15:00+11:00",
    updated_at: "2026-11-20T11:00:00+11:00",
    version: 2,
  };

  it("maps a ПОС item, 59-ФЗ and not", () => {
    const m = ok("pos", posItem);
    expect(m).toMatchObject({
      channel: "pos",
      externalId: "48123456",
      regime: "fz59",
      title: null,
      textClean: "Во дворе дома № 5 по ул. Советская яма «на полдвора»\nПрошу отремонтировать.",
      authorName: "Иванова Ольга Петровна",
      authorPhone: "+7 914 123-45-67",
      authorEmail: "ivanova.o@mail.ru",
      address: "г. Холмск, ул. Советская, д. 5",
      locality: "Холмск",
      lat: 47.0406,
      lon: 142.0417,
      sourceCategory: "Дороги",
      sourceSubcategory: "Ямы на дорогах",
      sourceVersion: "v2",
      attachments: [{ url: "https://pos.example/files/1.jpg", name: "1.jpg", mime: "image/jpeg" }],
    });
    expect(m.textRaw).toBe(posItem.text);
    expect(m.createdAt.toISOString()).toBe("2026-11-19T23:15:00.000Z");
    expect(ok("pos", { ...posItem, fz59: false }).regime).toBe("pos_message");
  });

  it("rejects bad ПОС items with a readable error", () => {
    const cases: [unknown, RegExp][] = [
      [{ ...posItem, id: undefined }, /^id:/],
      [{ ...posItem, id: 48123456 }, /^id:/],
      [{ ...posItem, created_at: "31.02.2026 25:61" }, /created_at/],
      [{ ...posItem, created_at: "2026-02-30T10:00:00+11:00" }, /created_at/],
      [{ ...posItem, text: "   " }, /text/],
      [{ ...posItem, coordinates: { lat: 147, lon: 142 } }, /coordinates\.lat/],
      [{ ...posItem, fz59: "да" }, /fz59/],
      ["not an object", /\(item\)/],
    ];
    for (const [raw, error] of cases) {
      const r = normalizeItem("pos", raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(error);
    }
  });

  it("maps an Инцидент Менеджмент post", () => {
    const m = ok("incident", {
      id: "90001",
      text: "Опять нет света на ул. Мира 😡 #Холмск",
      network: "vk",
      post_url: "https://vk.example/wall-1_2",
      author: { name: "Ольга И.", profile_url: "https://vk.example/id1", followers: 12 },
      incident_type: "Жалоба",
      theme: "Энергетика",
      locality: "Холмск",
      result: null,
      media: [{ url: "https://vk.example/p/1.jpg?size=x", type: "photo", name: null }],
      created_at: "2026-11-20T01:00:00Z",
      updated_at: "2026-11-20T01:05:00Z",
    });
    expect(m).toMatchObject({
      channel: "incident",
      externalId: "90001",
      regime: "social_incident",
      sourceUrl: "https://vk.example/wall-1_2",
      authorName: "Ольга И.",
      authorProfile: "https://vk.example/id1",
      sourceCategory: "Энергетика",
      sourceVersion: "2026-11-20T01:05:00.000Z",
      textClean: "Опять нет света на ул. Мира 😡 #Холмск",
      attachments: [{ url: "https://vk.example/p/1.jpg?size=x", name: "1.jpg", mime: "image/jpeg" }],
      extra: { network: "vk", incidentType: "Жалоба", followers: 12, result: null },
    });
  });

  it("maps a СМ ЛС message; the version follows edits or the text", () => {
    const base = {
      id: "70001",
      conversation_id: "vk-123",
      platform: "vk",
      account: { id: "vk_adm_holmsk", name: "Администрация Холмского муниципального округа" },
      sender: { id: "vk:1", name: "Иван П.", profile_url: null, phone: null },
      text: "Здравствуйте! Когда дадут воду?",
      attachments: [],
      created_at: "2026-11-20T01:00:00.000Z",
      edited_at: null,
    };
    const m = ok("smls", base);
    expect(m).toMatchObject({
      channel: "smls",
      regime: "social_incident",
      authorName: "Иван П.",
      extra: { conversationId: "vk-123", platform: "vk" },
    });
    expect(m.sourceVersion).toMatch(/^h:[0-9a-f]{16}$/);
    expect(ok("smls", { ...base, text: "Здравствуйте! Когда дадут воду??" }).sourceVersion).not.toBe(m.sourceVersion);
    expect(ok("smls", { ...base, edited_at: "2026-11-20T02:00:00Z" }).sourceVersion).toBe("e:2026-11-20T02:00:00.000Z");
    expect(normalizeItem("smls", { ...base, text: "" }).ok).toBe(false);
    expect(
      ok("smls", { ...base, text: "", attachments: [{ url: "https://x.example/1.jpg", name: "1.jpg", mime: null }] })
        .textClean,
    ).toBe("");
  });

  it("maps a Сахалин.Онлайн post with an integer id", () => {
    const m = ok("sakhalin", {
      id: 85487715,
      title: "Спил деревьев",
      text: "Сухой тополь у дома.",
      rubric: { id: 13, name: "Благоустройство" },
      address: "г. Холмск, ул. Первомайская, д. 14",
      locality: "Холмск",
      lat: 47.03,
      lon: 142.06,
      author: { name: "Анатолий", email: null, phone: null },
      status: "published",
      url: "https://sakhalin.example/appeal/85487715",
      photos: ["https://sakhalin.example/f/1.jpg"],
      created_at: "2026-10-29T07:28:15+11:00",
      updated_at: "2026-10-29T07:28:15+11:00",
    });
    expect(m).toMatchObject({
      channel: "sakhalin",
      externalId: "85487715",
      regime: "portal",
      title: "Спил деревьев",
      sourceCategory: "Благоустройство",
      attachments: [{ url: "https://sakhalin.example/f/1.jpg", name: "1.jpg", mime: null }],
      extra: { rubricId: 13, status: "published" },
    });
  });
});

describe("normalize: a real page of each simulator", () => {
  const sims = new Map<ChannelCode, Simulator>();
  beforeAll(async () => {
    for (const channel of CHANNEL_CODES) sims.set(channel, await startSimulator({ channel, seed: 3, total: 500 }));
  });
  afterAll(async () => {
    await Promise.all([...sims.values()].map((s) => s.close()));
  });

  it.each(CHANNEL_CODES)("%s: every item of a page validates and normalizes", async (channel) => {
    const sim = sims.get(channel);
    if (!sim) throw new Error("no simulator");
    const res = await fetch(`${sim.url}/api/v1/messages?limit=500`);
    const page = (await res.json()) as { items: unknown[] };
    expect(page.items.length).toBe(500);
    const regimes = new Set<string>();
    for (const raw of page.items) {
      const m = ok(channel, raw);
      regimes.add(m.regime);
      expect(m.channel).toBe(channel);
      expect(m.externalId).toMatch(/^\d+$/);
      expect(Number.isNaN(m.createdAt.getTime())).toBe(false);
      expect(m.textClean).not.toMatch(/<\/?(p|br|b)\b|&nbsp;|&laquo;/);
      expect(m.textClean.length).toBeLessThanOrEqual(20_000);
      expect(m.sourceVersion.length).toBeGreaterThan(0);
    }
    const expected = {
      pos: ["fz59", "pos_message"],
      incident: ["social_incident"],
      smls: ["social_incident"],
      sakhalin: ["portal"],
    }[channel];
    expect([...regimes].sort()).toEqual(expected);
  });
});
