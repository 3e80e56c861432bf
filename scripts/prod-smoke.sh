#!/usr/bin/env bash
# CI: the production install exactly as README → Keep it running and deploy/ do it, from a fresh clone of the
# committed code: npm ci, build, prune the dev dependencies; then the compiled bot, deploy-commands, backup and
# doctor run with production dependencies only, against the test bed started from this (full) checkout.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/alliance-prod-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

git clone --quiet --no-hardlinks "$ROOT" "$WORK/app"
cd "$WORK/app"
# --- the tested production install (deploy/Dockerfile and README repeat these lines) ---
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
# ---
for dev in tsx typescript vitest drizzle-kit; do
  if [ -e "node_modules/$dev" ]; then echo "prod-smoke: dev dependency $dev survived npm prune" >&2; exit 1; fi
done
if grep -rlE "from ['\"](ws|tsx|vitest)['\"]|/testbed/" dist --include=*.js; then
  echo "prod-smoke: compiled code imports a test-only module (above)" >&2
  exit 1
fi
cd "$ROOT"
node --import tsx scripts/prod-smoke.ts "$WORK/app"
