/**
 * The change log a simulator serves: new messages interleaved with edits of earlier ones.
 * Built once as typed arrays (a few MB for a million entries) so any page is an O(page) slice,
 * and both content and timing follow from the seed alone.
 */
import { createRng, hashUnit } from "@/lib/demo/rng";

export type FeedOptions = {
  seed: number;
  /** Distinct messages. */
  total: number;
  /** Share of log entries that are edits of an earlier message. */
  editRate: number;
  /** End of the backlog and start of the trickle (ms since epoch). */
  anchorMs: number;
  /** The backlog's messages are spread over this many days before the anchor. */
  backlogDays: number;
  /** Messages per second after the anchor; undefined = everything is available at once. */
  ratePerSec?: number;
  /** Messages already available at the anchor when trickling. */
  initial?: number;
};

const DAY_MS = 86_400_000;
/** Edits pick a message among the most recent ones, as residents edit fresh posts. */
const EDIT_WINDOW = 2000;

export class Feed {
  readonly total: number;
  readonly length: number;
  /** Message index of each log entry. */
  private readonly msgOf: Int32Array;
  /** Version of the message at that entry (1 = original). */
  private readonly verOf: Uint16Array;
  /** Newest message index at the time of the entry (dates edits). */
  private readonly anchorOf: Int32Array;
  /** Log position of each message's first appearance. */
  private readonly firstPos: Int32Array;
  private readonly backlogCount: number;
  private readonly spacingMs: number;

  constructor(private readonly opts: FeedOptions) {
    const { total, seed } = opts;
    if (!Number.isInteger(total) || total < 0) throw new RangeError("total must be a non-negative integer");
    this.total = total;
    if (!(opts.editRate >= 0 && opts.editRate <= 0.5)) throw new RangeError("editRate must be in 0..0.5");
    const capacity = Math.ceil((total / (1 - opts.editRate)) * 1.1) + 64;
    const msgOf = new Int32Array(capacity);
    const verOf = new Uint16Array(capacity);
    const anchorOf = new Int32Array(capacity);
    const versions = new Uint16Array(total);
    this.firstPos = new Int32Array(total + 1);
    const rng = createRng(seed ^ 0x5eed);
    let p = 0;
    let next = 0;
    while (next < total && p < capacity - 1) {
      if (next > 0 && rng.next() < opts.editRate) {
        const m = next - 1 - Math.floor(rng.next() * Math.min(next, EDIT_WINDOW));
        const v = versions[m] ?? 1;
        if (v < 65_535) {
          versions[m] = v + 1;
          msgOf[p] = m;
          verOf[p] = v + 1;
          anchorOf[p] = next - 1;
          p++;
        }
        continue;
      }
      versions[next] = 1;
      this.firstPos[next] = p;
      msgOf[p] = next;
      verOf[p] = 1;
      anchorOf[p] = next;
      p++;
      next++;
    }
    if (next < total) throw new Error("feed capacity exceeded");
    this.firstPos[total] = p;
    this.length = p;
    this.msgOf = msgOf;
    this.verOf = verOf;
    this.anchorOf = anchorOf;
    this.backlogCount = opts.ratePerSec === undefined ? total : Math.min(total, opts.initial ?? 0);
    this.spacingMs = this.backlogCount > 0 ? (opts.backlogDays * DAY_MS) / this.backlogCount : 0;
  }

  entry(p: number): { message: number; version: number } {
    return { message: this.msgOf[p] ?? 0, version: this.verOf[p] ?? 1 };
  }

  /** Creation time at the source, whole seconds, non-decreasing with the index. */
  createdAtMs(m: number): number {
    const { anchorMs, ratePerSec, seed } = this.opts;
    if (m < this.backlogCount) {
      const start = anchorMs - (this.backlogCount - m) * this.spacingMs;
      return Math.floor((start + hashUnit(seed, "t", m) * this.spacingMs * 0.9) / 1000) * 1000;
    }
    const rate = ratePerSec ?? 1;
    return Math.floor((anchorMs + ((m - this.backlogCount + 1) / rate) * 1000) / 1000) * 1000;
  }

  /**
   * Time of a log entry: creation for originals; for edits, just after the newest message of
   * that moment, plus the version in seconds so successive edits never share a timestamp.
   */
  updatedAtMs(p: number): number {
    const v = this.verOf[p] ?? 1;
    if (v === 1) return this.createdAtMs(this.msgOf[p] ?? 0);
    return this.createdAtMs(this.anchorOf[p] ?? 0) + v * 1000;
  }

  /** How many messages have "arrived" by `nowMs`. */
  availableMessages(nowMs: number): number {
    const { ratePerSec } = this.opts;
    if (ratePerSec === undefined) return this.total;
    const arrived = this.backlogCount + Math.floor(((nowMs - this.opts.anchorMs) / 1000) * ratePerSec);
    return Math.max(this.backlogCount, Math.min(this.total, arrived));
  }

  /** Log entries servable at `nowMs`. */
  availableLength(nowMs: number): number {
    const m = this.availableMessages(nowMs);
    return m >= this.total ? this.length : (this.firstPos[m] ?? this.length);
  }
}
