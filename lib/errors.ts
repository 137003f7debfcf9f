// One error type for expected failures. The UI maps codes to Russian messages; anything else
// is logged and replaced by a generic message.
export const ERROR_CODES = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  invalid_transition: 409,
  conflict: 409,
  locked: 423,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const GENERIC_ERROR_MESSAGE =
  "Что-то пошло не так. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.";

/** Messages for input the database refused although validation should have caught it. */
const DATABASE_INPUT_MESSAGES: Record<string, string> = {
  // invalid byte sequence (NUL in text), untranslatable character
  "22021": "Текст содержит недопустимые символы. Уберите их и сохраните ещё раз.",
  "22P05": "Текст содержит недопустимые символы. Уберите их и сохраните ещё раз.",
  // numeric value out of range (e.g. above 2^31 for an int4 column)
  "22003": "Число вне допустимого диапазона.",
  // value too long for a column
  "22001": "Слишком длинный текст.",
};

/** The PostgreSQL SQLSTATE of an error from pg or from Prisma's pg adapter, if any. */
export function postgresCode(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && typeof x === "object" && depth < 6; depth++) {
    const o = x as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (typeof o.originalCode === "string" && /^[0-9A-Z]{5}$/.test(o.originalCode)) return o.originalCode;
    if (typeof o.code === "string" && /^[0-9][0-9A-Z]{4}$/.test(o.code)) return o.code;
    x = o.meta?.driverAdapterError ?? o.cause;
  }
  return undefined;
}

/** What the user is told. Callers log every non-AppError before calling this (it stays quiet). */
export function publicMessage(e: unknown): string {
  if (e instanceof AppError) return e.message;
  const code = postgresCode(e);
  return (code && DATABASE_INPUT_MESSAGES[code]) || GENERIC_ERROR_MESSAGE;
}
