import type { Topic } from "@/lib/channels/types";
import { COMMUNITY_THEMES } from "./community";
import { SOCIAL_SPHERE_THEMES } from "./social-sphere";
import type { Theme } from "./types";
import { URBAN_THEMES } from "./urban";

export type { Theme } from "./types";

export const ALL_THEMES: readonly Theme[] = [...URBAN_THEMES, ...SOCIAL_SPHERE_THEMES, ...COMMUNITY_THEMES];

/** Themes grouped by topic, built once so picking is O(1). */
export const THEMES_BY_TOPIC: ReadonlyMap<Topic, readonly Theme[]> = (() => {
  const map = new Map<Topic, Theme[]>();
  for (const theme of ALL_THEMES) {
    const list = map.get(theme.topic) ?? [];
    list.push(theme);
    map.set(theme.topic, list);
  }
  return map;
})();
