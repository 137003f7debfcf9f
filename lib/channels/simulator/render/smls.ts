/** Items of the СМ ЛС contract: private messages to the district's official accounts. */
import { pickPerson, socialDisplayName } from "@/lib/demo/people";
import { createRng, hashSeed, hashUnit } from "@/lib/demo/rng";
import { commonCorruptions, idBase, type ChannelRenderer } from "./common";

const PLATFORMS = [
  ["vk", 60],
  ["telegram", 25],
  ["ok", 10],
  ["max", 5],
] as const;
const ACCOUNTS = [
  { id: "adm_holmsk", name: "Администрация Холмского муниципального округа" },
  { id: "glava_holmsk", name: "Глава Холмского муниципального округа" },
  { id: "mcu_holmsk", name: "МЦУ Холмского муниципального округа" },
];
/** Chance that a message continues the previous one's conversation. */
const CONTINUE_SHARE = 0.3;

/** The first message of the conversation `index` belongs to (walks back a few steps at most). */
function conversationRoot(seed: number, index: number): number {
  let k = index;
  for (let steps = 0; k > 0 && steps < 4 && hashUnit(seed, "conv", k) < CONTINUE_SHARE; steps++) k--;
  return k;
}

export const smlsRenderer: ChannelRenderer = {
  channel: "smls",
  style: "chat",
  generateOptions: () => ({}),
  render(input) {
    const root = conversationRoot(input.seed, input.index);
    // Everything about the conversation comes from its root, so its messages agree.
    const convRng = createRng(hashSeed(input.seed, "smls-conv", root));
    const platform = convRng.weighted(PLATFORMS);
    const account = convRng.pick(ACCOUNTS);
    const person = pickPerson(convRng);
    const senderNo = convRng.int(100_000, 899_999_999);
    const rng = createRng(hashSeed(input.seed, "smls-extra", input.index));
    const photoOnly = rng.chance(0.03);
    const attachments =
      photoOnly || rng.chance(0.1)
        ? [
            {
              url: `${input.publicUrl}/files/${input.externalId}/photo.jpg`,
              name: "photo.jpg",
              mime: rng.chance(0.9) ? "image/jpeg" : null,
            },
          ]
        : [];
    return {
      id: input.externalId,
      conversation_id: `${platform}-${idBase(input.seed, "smls") + root}`,
      platform,
      account: { id: `${platform}_${account.id}`, name: account.name },
      sender: {
        id: `${platform}:${senderNo}`,
        name: socialDisplayName(convRng, person),
        profile_url: platform === "max" ? null : `${input.publicUrl}/view/${platform}/user/${senderNo}`,
        phone: convRng.chance(0.1) ? person.phone : null,
      },
      text: photoOnly && input.version === 1 ? "" : input.text,
      attachments,
      created_at: input.createdAt.toISOString(),
      edited_at: input.version > 1 ? input.updatedAt.toISOString() : null,
    };
  },
  corruptions: [
    ...commonCorruptions("id", "created_at"),
    (item) => {
      item.conversation_id = "bad id with spaces";
    },
    (item) => {
      item.text = "";
      item.attachments = [];
    },
  ],
};
