import "server-only";
import { createAdapter, type AdapterOptions, type ChannelAdapter } from "@/lib/channels/adapter";
import type { ChannelCode } from "@/lib/channels/types";
import { env } from "@/lib/env";

const TOKENS: Record<ChannelCode, () => string> = {
  pos: () => env().POS_API_TOKEN,
  incident: () => env().INCIDENT_API_TOKEN,
  smls: () => env().SMLS_API_TOKEN,
  sakhalin: () => env().SAKHALIN_API_TOKEN,
};

/** The adapter of a channel as configured in the database (base URL) and env (token, limits). */
export function adapterFor(
  channel: ChannelCode,
  baseUrl: string,
  overrides: Partial<AdapterOptions> = {},
): ChannelAdapter {
  return createAdapter(channel, {
    baseUrl,
    token: TOKENS[channel](),
    timeoutMs: env().CHANNEL_TIMEOUT_MS,
    maxRetries: env().CHANNEL_MAX_RETRIES,
    ...overrides,
  });
}
