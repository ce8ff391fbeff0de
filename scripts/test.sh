#!/usr/bin/env bash
# `npm test`: system packages, build, typecheck, lint, Vitest (node + dom projects,
# inside a real Secret Service session) and Playwright (system Chromium). Ends with
# one summary line "tests: N passed, N failed, N skipped" over both runners.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
mkdir -p test-results

step() { printf '\n== %s\n' "$1"; }

step "build"
node scripts/build.mjs
step "typecheck"
npx tsc --noEmit -p tsconfig.json
step "lint"
npx eslint --max-warnings=0 .
npx prettier --check . >/dev/null && echo "prettier: all files formatted" || { npx prettier --list-different .; exit 1; }

# Every data folder the tests make goes under one root and is kept until the secret scan.
SM8SYNC_TEST_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/sm8sync-test-run.XXXXXX")"
export SM8SYNC_TEST_ROOT
trap 'rm -rf "$SM8SYNC_TEST_ROOT"' EXIT

status=0
step "vitest (node, dom)"
SM8SYNC_REQUIRE_KEYRING=1 bash scripts/with-keyring.sh \
  npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?

step "playwright (system chromium)"
# The UI connects accounts for real, so the browser tests get a Secret Service too.
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json bash scripts/with-keyring.sh \
  npx playwright test --reporter=list,json || status=$?

step "secret scan (test data, CLI output, built renderer, reports)"
node scripts/scan-secrets.mjs "$SM8SYNC_TEST_ROOT" dist/renderer test-results || status=$?

node scripts/test-summary.mjs test-results/vitest.json test-results/playwright.json || status=$?
exit "$status"
