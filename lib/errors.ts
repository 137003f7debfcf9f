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

export const GENERIC_ERROR_MESSAGE = "Что-то пошло не так. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.";

export function publicMessage(e: unknown): string {
  return e instanceof AppError ? e.message : GENERIC_ERROR_MESSAGE;
}
