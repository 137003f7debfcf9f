import type { ChannelCode } from "../../types";
import type { ChannelRenderer } from "./common";
import { incidentRenderer } from "./incident";
import { posRenderer } from "./pos";
import { sakhalinRenderer } from "./sakhalin";
import { smlsRenderer } from "./smls";

export const RENDERERS: Record<ChannelCode, ChannelRenderer> = {
  pos: posRenderer,
  incident: incidentRenderer,
  smls: smlsRenderer,
  sakhalin: sakhalinRenderer,
};
