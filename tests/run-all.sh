#!/usr/bin/env bash
# The whole test suite: unit + integration (vitest, real PostgreSQL or the embedded one when no
# server answers), then end-to-end (Playwright in Chromium against the built app on its own
# seeded database). Each part gets a throwaway database that is dropped afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
echo "== unit and integration tests (vitest) =="
npx tsx tests/with-test-db.ts -- npx vitest run || status=1

echo "== production build (next build) =="
if ! npx next build > /tmp/mcu-next-build.log 2>&1; then
  tail -50 /tmp/mcu-next-build.log
  echo "next build failed"
  exit 1
fi

echo "== end-to-end tests (Playwright, Chromium) =="
npx tsx tests/with-test-db.ts --seed -- npx playwright test || status=1

exit $status
