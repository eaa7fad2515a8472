#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit tests, build, HTML validation, budgets, browser tests. Every step
# runs even when an earlier one failed, and the last line counts them all: "N passed, N failed".
# Exit code 1 when anything failed: a step, a test, a test file that did not load, a runner that
# exited non-zero or ran no tests (scripts/lib/test-summary.ts).
#
# The runner's own tests (tests/unit/test-runner.test.ts) run these same steps on small fixtures:
#   TEST_STEPS=unit,browser   only these steps (comma-separated; default: all)
#   TEST_REPORTS=DIR          where the reports go (default: reports)
#   TEST_UNIT_INCLUDE=GLOB    unit test files (vitest.config.ts)
#   TEST_E2E_DIR=DIR, TEST_E2E_SERVER=COMMAND   browser specs and their web server (playwright.config.ts)
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
REPORTS=${TEST_REPORTS:-reports}
mkdir -p "$REPORTS"
rm -f "$REPORTS"/*.json "$REPORTS/steps.txt"
touch "$REPORTS/steps.txt"

wanted() { [ -z "${TEST_STEPS:-}" ] || [[ ",$TEST_STEPS," == *",$1,"* ]]; }

step() { # step NAME COMMAND…: a check that passes or fails as a whole
  local name=$1; shift
  wanted "$name" || return 0
  echo "── $name"
  "$@"
  echo "step $name $?" >> "$REPORTS/steps.txt"
}

runner() { # runner NAME COMMAND…: a test runner; the summary reads its report and its exit code
  local name=$1; shift
  wanted "$name" || return 0
  echo "── $name tests"
  "$@"
  echo "runner $name $?" >> "$REPORTS/steps.txt"
}

# The collector's tests need a PostgreSQL besides SQLite: TEST_DATABASE_URL (CI sets it), else a
# throwaway server started here when PostgreSQL is installed (scripts/postgres-scratch.sh). Without
# one, those tests fail when CI=true and are skipped with a warning elsewhere.
if wanted unit && [ -z "${TEST_DATABASE_URL:-}" ] && [ -z "${TEST_UNIT_INCLUDE:-}" ]; then
  PG_DIR=$(mktemp -d /tmp/faq-test-pg-XXXXXX)
  trap 'bash scripts/postgres-scratch.sh stop "$PG_DIR"' EXIT
  if PG_URL=$(bash scripts/postgres-scratch.sh start "$PG_DIR"); then export "$PG_URL"; else echo "⚠ no PostgreSQL for the collector's tests (above)"; fi
fi

step lint npx eslint . --max-warnings=0
step typecheck bash -c 'rm -f tsconfig.tsbuildinfo && npx next typegen >/dev/null && npx tsc --noEmit'
# --allowOnly=false: a committed `it.only` fails instead of silently skipping the rest.
runner unit npx vitest run --allowOnly=false --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"
step build npx tsx scripts/build.ts
step html-validate bash -c 'test -f out/index.html && npx html-validate "out/**/*.html"'
# The Nu HTML checker (the W3C validator) runs on the system Java; it also checks ARIA-in-HTML rules.
step vnu bash -c 'test -f out/index.html && bash scripts/ensure-tool.sh java && npx vnu --errors-only --skip-non-html out/'
step budget npx tsx scripts/budget.ts
if wanted browser; then
  if wanted build && ! grep -q "^step build 0$" "$REPORTS/steps.txt"; then
    echo "missing browser the build failed, so the browser tests did not run" >> "$REPORTS/steps.txt"
  elif ! bash scripts/ensure-tool.sh chromium; then
    echo "missing browser no Chromium, so the browser tests did not run" >> "$REPORTS/steps.txt"
  else
    # --forbid-only: a committed `test.only` fails instead of silently skipping the rest.
    export PW_JSON="$REPORTS/playwright.json"
    runner browser npx playwright test --forbid-only
  fi
fi
npx tsx scripts/lib/test-summary.ts "$REPORTS"
