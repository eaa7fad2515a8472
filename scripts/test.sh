#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit tests, build, browser tests. Every step runs even when an earlier
# one failed, and the last line counts them all: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
rm -f reports/*.json reports/steps.txt

step() { # step NAME COMMAND…: a step that is one check
  local name=$1; shift
  echo "── $name"
  if "$@"; then echo "pass $name" >> reports/steps.txt; else echo "fail $name" >> reports/steps.txt; fi
}

step lint npx eslint . --max-warnings=0
step typecheck bash -c 'rm -f tsconfig.tsbuildinfo && npx next typegen >/dev/null && npx tsc --noEmit'
echo "── unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step build npx tsx scripts/build.ts
step html-validate bash -c 'test -f out/index.html && npx html-validate "out/**/*.html"'
# The Nu HTML checker (the W3C validator) runs on the system Java; it also checks ARIA-in-HTML rules.
step vnu bash -c 'test -f out/index.html && bash scripts/ensure-tool.sh java && npx vnu --errors-only --skip-non-html out/'
step budget npx tsx scripts/budget.ts
if grep -q "^pass build" reports/steps.txt && bash scripts/ensure-tool.sh chromium; then
  echo "── browser tests"
  PW_JSON=reports/playwright.json npx playwright test
else
  echo "fail browser-tests (no build or no Chromium)" >> reports/steps.txt
fi
npx tsx scripts/lib/test-summary.ts reports
