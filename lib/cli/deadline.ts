// Computes a message's answer deadline from the command line:
//   npm run --silent deadline -- --regime fz59 --registered 2026-03-02T13:30:00Z
// The last stdout line is the due local (Sakhalin) date YYYY-MM-DD, so scripts can `tail -n1`.
import { isMainModule } from "./main-module";
import { consoleIo, type CliIo } from "./cli-io";
import { parseArgs } from "node:util";
import {
  DEFAULT_POLICIES,
  MUNICIPAL_TZ,
  REGIMES,
  computeAnswerDue,
  isRegime,
  localDateOf,
  type DeadlinePolicy,
  type Regime,
} from "../deadlines/index";

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

const USAGE = [
  "Использование / usage:",
  "  npm run --silent deadline -- --regime <код> --registered <ISO-момент>",
  `  --regime      режим / regime: ${REGIMES.join(", ")}`,
  "  --registered  момент регистрации с часовым поясом / instant with offset, e.g. 2026-03-02T13:30:00Z",
].join("\n");

// An instant must carry its offset: a bare local time would be ambiguous between UTC and Sakhalin.
const ISO_INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Parses an ISO 8601 instant with offset; null when malformed or an impossible date. */
export function parseIsoInstant(value: string): Date | null {
  const match = ISO_INSTANT_RE.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  // `Date` silently rolls 2026-02-30 over to March; check the calendar fields ourselves.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const instant = new Date(value.trim());
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export type { CliIo };

export interface CliOptions {
  /** Where policies come from; defaults to DEFAULT_POLICIES, later the edited rows in the DB. */
  resolvePolicy?: (regime: Regime) => DeadlinePolicy | Promise<DeadlinePolicy>;
  io?: CliIo;
}

function unitLabel(policy: DeadlinePolicy): string {
  return policy.answerUnit === "working" ? "рабочих дней / working days" : "календарных дней / calendar days";
}

/** Runs the CLI and returns its exit code (never calls process.exit, so tests can call it). */
export async function runDeadlineCli(args: string[], options: CliOptions = {}): Promise<number> {
  const io = options.io ?? consoleIo;
  const resolvePolicy = options.resolvePolicy ?? ((regime: Regime) => DEFAULT_POLICIES[regime]);

  let values: { regime?: string; registered?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        regime: { type: "string" },
        registered: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`Ошибка: неверные аргументы / error: bad arguments: ${(error as Error).message}`);
    io.err(USAGE);
    return EXIT_USAGE;
  }

  if (values.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (!values.regime || !isRegime(values.regime)) {
    io.err(
      `Ошибка: неизвестный или пустой режим / error: unknown or missing regime: ${JSON.stringify(values.regime ?? "")}`,
    );
    io.err(USAGE);
    return EXIT_USAGE;
  }
  const registeredAt = values.registered === undefined ? null : parseIsoInstant(values.registered);
  if (!registeredAt) {
    io.err(
      "Ошибка: --registered должен быть моментом ISO 8601 с часовым поясом / " +
        `error: --registered must be an ISO 8601 instant with offset: ${JSON.stringify(values.registered ?? "")}`,
    );
    io.err(USAGE);
    return EXIT_USAGE;
  }

  const policy = await resolvePolicy(values.regime);
  const due = computeAnswerDue(registeredAt, policy);
  for (const year of due.fallbackYears) {
    io.err(
      `Внимание: нет производственного календаря на ${year} год, дни посчитаны как пн–пт / ` +
        `warning: no production calendar for ${year}, Mon–Fri assumed`,
    );
  }
  io.out(`Режим / regime: ${policy.regime}, срок ответа / answer term: ${policy.answerDays} ${unitLabel(policy)}`);
  io.out(`Регистрация / registered: ${registeredAt.toISOString()} = ${localDateOf(registeredAt)} (${MUNICIPAL_TZ})`);
  io.out(`Срок истекает / due at: ${due.dueAt.toISOString()} (конец дня / end of day, ${MUNICIPAL_TZ})`);
  io.out(due.dueLocalDate);
  return EXIT_OK;
}

/**
 * With DATABASE_URL the policies the МЦУ head edited (deadline_policies) apply, as in ingestion;
 * without it the defaults (docs/ARCHITECTURE.md «Legal regimes and deadlines»). A regime without a stored row falls back to its default
 * with a note; an unreachable database is an error rather than a silently different date.
 */
export async function databasePolicyResolver(
  io: CliIo = consoleIo,
): Promise<{ resolvePolicy: NonNullable<CliOptions["resolvePolicy"]>; close: () => Promise<void> } | null> {
  const { env } = await import("../env");
  if (!env().DATABASE_URL) return null;
  // Loaded on first use: bad arguments are reported without paying for the Prisma client.
  let dbModule: typeof import("../db") | null = null;
  return {
    resolvePolicy: async (regime: Regime) => {
      const [dbm, { loadPolicy }] = await Promise.all([import("../db"), import("../workflow/policy")]);
      dbModule = dbm;
      try {
        return await loadPolicy(dbm.db(), regime);
      } catch (error) {
        if ((error as { name?: string }).name !== "AppError") throw error;
        io.err(
          `Внимание: в базе нет политики для ${regime}, использованы значения по умолчанию / warning: no stored policy, defaults used`,
        );
        return DEFAULT_POLICIES[regime];
      }
    },
    close: async () => {
      await dbModule?.disconnectDb();
    },
  };
}

if (isMainModule(import.meta.url)) {
  const run = async () => {
    const fromDb = await databasePolicyResolver();
    try {
      return await runDeadlineCli(process.argv.slice(2), fromDb ? { resolvePolicy: fromDb.resolvePolicy } : {});
    } finally {
      await fromDb?.close();
    }
  };
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Ошибка / error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
