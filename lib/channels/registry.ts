/** Per-channel item schema and normalizer: the only channel-specific part of an adapter. */
import type { z } from "zod";
import { normalizeIncident } from "./incident/normalize";
import { incidentItemSchema } from "./incident/schema";
import { normalizePos } from "./pos/normalize";
import { posItemSchema } from "./pos/schema";
import { normalizeSakhalin } from "./sakhalin/normalize";
import { sakhalinItemSchema } from "./sakhalin/schema";
import { describeIssues } from "./schema-common";
import { normalizeSmls } from "./smls/normalize";
import { smlsItemSchema } from "./smls/schema";
import type { ChannelCode, NormalizedMessage } from "./types";

export type ItemResult = { ok: true; message: NormalizedMessage } | { ok: false; error: string };

type Spec<S extends z.ZodType> = { schema: S; normalize: (item: z.output<S>) => NormalizedMessage };

function spec<S extends z.ZodType>(schema: S, normalize: (item: z.output<S>) => NormalizedMessage): Spec<S> {
  return { schema, normalize };
}

const SPECS = {
  pos: spec(posItemSchema, normalizePos),
  incident: spec(incidentItemSchema, normalizeIncident),
  smls: spec(smlsItemSchema, normalizeSmls),
  sakhalin: spec(sakhalinItemSchema, normalizeSakhalin),
} satisfies Record<ChannelCode, unknown>;

function run<S extends z.ZodType>(s: Spec<S>, raw: unknown): ItemResult {
  const parsed = s.schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  try {
    return { ok: true, message: s.normalize(parsed.data) };
  } catch (e) {
    return { ok: false, error: `normalize failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Validates and normalizes one raw item of `channel`. Never throws: a bad item becomes
 * `{ ok: false, error }` so the pipeline can quarantine it with its raw body.
 * Also usable for re-processing quarantined payloads.
 */
export function normalizeItem(channel: ChannelCode, raw: unknown): ItemResult {
  switch (channel) {
    case "pos":
      return run(SPECS.pos, raw);
    case "incident":
      return run(SPECS.incident, raw);
    case "smls":
      return run(SPECS.smls, raw);
    case "sakhalin":
      return run(SPECS.sakhalin, raw);
  }
}
