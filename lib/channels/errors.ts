/** Typed failure of a channel call, after retries where retrying made sense. */
export type ChannelErrorCode = "timeout" | "http" | "rate_limited" | "malformed" | "network";

export class ChannelError extends Error {
  override readonly name = "ChannelError";
  readonly code: ChannelErrorCode;
  /** HTTP status when the server answered. */
  readonly status: number | null;
  /** `error.code` from the server's JSON body, when it sent one. */
  readonly remoteCode: string | null;
  /** How many requests were made before giving up. */
  readonly attempts: number;
  /** Whether a later retry (e.g. the next scheduled pull) may succeed. */
  readonly retryable: boolean;
  /** For rate_limited: how long the server asked to wait. */
  readonly retryAfterMs: number | null;

  constructor(init: {
    code: ChannelErrorCode;
    message: string;
    status?: number | null;
    remoteCode?: string | null;
    attempts?: number;
    retryable?: boolean;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? null;
    this.remoteCode = init.remoteCode ?? null;
    this.attempts = init.attempts ?? 1;
    this.retryable = init.retryable ?? true;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  withAttempts(attempts: number): ChannelError {
    return new ChannelError({
      code: this.code,
      message: this.message,
      status: this.status,
      remoteCode: this.remoteCode,
      attempts,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      cause: this.cause,
    });
  }
}

export function isChannelError(e: unknown): e is ChannelError {
  return e instanceof ChannelError;
}
