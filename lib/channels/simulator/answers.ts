/** Answers received by a simulator (idempotent on key) and the ПОС ratings log. */
import { hashUnit } from "@/lib/demo/rng";

export type ReceivedAnswer = { externalId: string; text: string; idempotencyKey: string; at: Date };
export type RatingInput = number | { score?: number | null; satisfied?: boolean | null; comment?: string | null };
export type RatingRecord = {
  id: string;
  message_id: string;
  rating: number | null;
  satisfied: boolean | null;
  comment: string | null;
  rated_at: string;
  /** Not served before this moment (simulates the resident taking time to rate). */
  visibleAtMs: number;
};
export type AcceptedAnswer = { answerId: string; externalId: string; text: string; acceptedAt: Date };

export type AnswerOutcome =
  { kind: "accepted"; answer: AcceptedAnswer } | { kind: "replayed"; answer: AcceptedAnswer } | { kind: "conflict" };

const COMMENTS_GOOD = ["Спасибо, всё сделали.", "Спасибо за оперативность!", "Проблему решили, благодарю."];
const COMMENTS_BAD = ["Ничего не изменилось.", "Ответ-отписка.", "Обещали, но так и не сделали.", "Формальный ответ."];

export class AnswerBook {
  readonly received: ReceivedAnswer[] = [];
  readonly ratings: RatingRecord[] = [];
  private readonly byKey = new Map<string, AcceptedAnswer>();
  private answerSeq = 0;

  constructor(
    private readonly seed: number,
    private readonly ratingIdBase: number,
  ) {}

  /** Same key + same message + same text → the original receipt; same key otherwise → conflict. */
  accept(externalId: string, text: string, key: string, now: Date): AnswerOutcome {
    const existing = this.byKey.get(key);
    if (existing) {
      return existing.externalId === externalId && existing.text === text
        ? { kind: "replayed", answer: existing }
        : { kind: "conflict" };
    }
    this.answerSeq += 1;
    const answer: AcceptedAnswer = {
      answerId: `ans-${this.seed}-${this.answerSeq}`,
      externalId,
      text,
      acceptedAt: now,
    };
    this.byKey.set(key, answer);
    this.received.push({ externalId, text, idempotencyKey: key, at: now });
    return { kind: "accepted", answer };
  }

  addRating(externalId: string, input: RatingInput, ratedAt: Date, visibleAtMs: number): RatingRecord {
    const spec = typeof input === "number" ? { score: input } : input;
    const score = spec.score ?? null;
    if (score !== null && !(Number.isInteger(score) && score >= 1 && score <= 5))
      throw new RangeError("rating must be an integer 1..5");
    const satisfied = spec.satisfied !== undefined ? spec.satisfied : score === null ? null : score >= 4;
    if (score === null && satisfied === null) throw new RangeError("give a score or satisfied");
    const record: RatingRecord = {
      id: String(this.ratingIdBase + this.ratings.length),
      message_id: externalId,
      rating: score,
      satisfied,
      comment: spec.comment ?? null,
      rated_at: ratedAt.toISOString().slice(0, 19) + "Z",
      // Kept non-decreasing so the visible ratings are always a prefix of the log.
      visibleAtMs: Math.max(visibleAtMs, this.ratings[this.ratings.length - 1]?.visibleAtMs ?? 0),
    };
    this.ratings.push(record);
    return record;
  }

  /** A resident's plausible reaction to an answer, fixed by the seed and message id. */
  autoRating(externalId: string): RatingInput | null {
    const r = hashUnit(this.seed, "rate", externalId);
    if (r < 0.15) return null; // many residents never rate
    const score = r < 0.45 ? 5 : r < 0.6 ? 4 : r < 0.7 ? 3 : r < 0.8 ? 2 : 1;
    const c = hashUnit(this.seed, "rate-comment", externalId);
    const pool = score >= 4 ? COMMENTS_GOOD : COMMENTS_BAD;
    const comment = c < 0.4 ? (pool[Math.floor(c * 10) % pool.length] ?? null) : null;
    // Some residents answer only «удовлетворён / не удовлетворён».
    return c > 0.85 ? { score: null, satisfied: score >= 4, comment } : { score, comment };
  }

  /** Ratings visible at `nowMs`; visibleAt only grows along the log, so this is a prefix. */
  visibleCount(nowMs: number): number {
    let n = this.ratings.length;
    while (n > 0 && (this.ratings[n - 1]?.visibleAtMs ?? 0) > nowMs) n--;
    return n;
  }
}
