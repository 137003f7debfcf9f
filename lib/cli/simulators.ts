// Starts the four channel simulators (contracts in lib/channels/contracts/) for local work:
//   npm run simulators
// Each serves a backlog of messages and then a new one every few seconds, so a running desk
// visibly receives messages. Stop with Ctrl+C.
//
// Environment (all optional):
//   SIM_HOST                   interface to bind (default 127.0.0.1)
//   SIM_POS_PORT … SIM_SAKHALIN_PORT   ports (defaults 4101 pos, 4102 incident, 4103 smls, 4104 sakhalin)
//   SIM_SEED                   content seed (default 20261127)
//   SIM_INTERVAL_SEC           seconds between new messages per channel (default: 4 / 6 / 8 / 10)
//   SIM_FAULTS=1               inject mild faults (5xx, timeouts, malformed pages, 429, invalid items)
//   POS_API_TOKEN, INCIDENT_API_TOKEN, SMLS_API_TOKEN, SAKHALIN_API_TOKEN
//                              when set, that simulator requires "Authorization: Bearer <token>"
import { processEnv } from "../env";
import { startSimulator, type Simulator } from "../channels/simulator";
import { CHANNEL_CODES, type ChannelCode } from "../channels/types";

type ChannelDefaults = { port: number; intervalSec: number; backlog: number; label: string };

const DEFAULTS: Record<ChannelCode, ChannelDefaults> = {
  pos: { port: 4101, intervalSec: 4, backlog: 150, label: "ПОС «Решаем вместе»" },
  incident: { port: 4102, intervalSec: 6, backlog: 80, label: "Инцидент Менеджмент" },
  smls: { port: 4103, intervalSec: 8, backlog: 50, label: "СМ ЛС" },
  sakhalin: { port: 4104, intervalSec: 10, backlog: 40, label: "Сахалин.Онлайн" },
};

/** Enough messages for weeks of trickling; the feed index costs ~8 bytes per message. */
const TOTAL = 500_000;

const MILD_FAULTS = {
  error5xxRate: 0.05,
  timeoutRate: 0.02,
  malformedRate: 0.02,
  rateLimitRate: 0.02,
  invalidItemRate: 0.01,
  timeoutMs: 40_000,
  retryAfterSec: 2,
};

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const env = processEnv();
  const host = env.SIM_HOST || "127.0.0.1";
  const seed = Math.floor(positiveNumber("SIM_SEED", env.SIM_SEED, 20261127));
  const withFaults = env.SIM_FAULTS === "1";
  const started: Simulator[] = [];

  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: останавливаю симуляторы…`);
    await Promise.all(started.map((s) => s.close()));
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  for (const channel of CHANNEL_CODES) {
    const d = DEFAULTS[channel];
    const upper = channel.toUpperCase();
    const port = Math.floor(positiveNumber(`SIM_${upper}_PORT`, env[`SIM_${upper}_PORT`], d.port));
    const interval = positiveNumber("SIM_INTERVAL_SEC", env.SIM_INTERVAL_SEC, d.intervalSec);
    const token = env[`${upper}_API_TOKEN`] || undefined;
    const sim = await startSimulator({
      channel,
      host,
      port,
      seed,
      total: TOTAL,
      ratePerSec: 1 / interval,
      initial: d.backlog,
      token,
      faults: withFaults ? MILD_FAULTS : undefined,
      // Residents take a while to rate an answer; a short delay keeps the demo lively.
      autoRateDelayMs: 20_000,
    });
    started.push(sim);
    console.log(
      `${d.label.padEnd(22)} ${sim.url}   (${d.backlog} сообщений сразу, далее одно каждые ${interval} с; ` +
        `${token ? "нужен токен " + upper + "_API_TOKEN" : "без токена"})`,
    );
  }
  console.log(
    `\nКонтракты: lib/channels/contracts/*.md. Сид: ${seed}.${withFaults ? " Включены сбои (SIM_FAULTS=1)." : ""}`,
  );
  console.log("Ctrl+C — остановить.");
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
