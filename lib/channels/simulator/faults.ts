/** Deterministic fault injection: the n-th request's fate depends only on (seed, n). */
import { hashUnit } from "@/lib/demo/rng";

export type FaultOptions = {
  /** Share of list requests answered 500/502/503. */
  error5xxRate: number;
  /** Share delayed by timeoutMs before the (normal) response. */
  timeoutRate: number;
  /** Share answered 200 with a truncated or non-JSON body. */
  malformedRate: number;
  /** Share of items in a page replaced by an invalid one (missing id, bad date…). */
  invalidItemRate: number;
  /** Share answered 429 with Retry-After. */
  rateLimitRate: number;
  /** Delay of a "timeout" response; make it longer than the client's timeout. */
  timeoutMs: number;
  /** Retry-After sent with 429, in seconds. */
  retryAfterSec: number;
};

export const NO_FAULTS: FaultOptions = {
  error5xxRate: 0,
  timeoutRate: 0,
  malformedRate: 0,
  invalidItemRate: 0,
  rateLimitRate: 0,
  timeoutMs: 15_000,
  retryAfterSec: 1,
};

export type Fault = "none" | "error5xx" | "timeout" | "malformed" | "rateLimited";

export function chooseFault(seed: number, requestNo: number, f: FaultOptions): Fault {
  let r = hashUnit(seed, "fault", requestNo);
  if ((r -= f.error5xxRate) < 0) return "error5xx";
  if ((r -= f.timeoutRate) < 0) return "timeout";
  if ((r -= f.malformedRate) < 0) return "malformed";
  if ((r -= f.rateLimitRate) < 0) return "rateLimited";
  return "none";
}

export function isInvalidItem(seed: number, position: number, f: FaultOptions): boolean {
  return f.invalidItemRate > 0 && hashUnit(seed, "invalid", position) < f.invalidItemRate;
}
