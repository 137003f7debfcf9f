// Applies a resident's rating through the same lib function the rating pull job uses:
//   tsx tests/e2e/apply-rating.ts <messageId> <value 1..5> <externalRatingId> [comment]
// Run as a separate process because Playwright's loader cannot import the deadline calendar's JSON.
import { db, disconnectDb } from "@/lib/db";
import { applyRating } from "@/lib/workflow/apply-rating";

const [id, value, externalRatingId, comment] = process.argv.slice(2);
const outcome = await db().$transaction((tx) =>
  applyRating(tx, {
    messageId: Number(id),
    value: Number(value),
    externalRatingId,
    ratedAt: new Date(),
    comment: comment ?? null,
  }),
);
console.log(outcome);
await disconnectDb();
