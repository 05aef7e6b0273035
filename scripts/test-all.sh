#!/usr/bin/env bash
# `npm test`: everything, from a fresh clone. Installs what is missing (Debian Chromium via apt
# when root, npm packages, demo data), then typecheck, unit + integration tests (native DuckDB),
# the calibration notebook, the production build and the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
declare -a results=()

step() { # step <label> <command...>: run, time, remember the outcome; stop at the first failure
  local label=$1; shift
  local t0; t0=$(date +%s)
  echo
  echo "════ ${label}: $*"
  if "$@"; then
    results+=("✓ ${label} ($(( $(date +%s) - t0 )) s)")
  else
    local rc=$?
    results+=("✗ ${label} (exit ${rc}, $(( $(date +%s) - t0 )) s)")
    summary
    echo "TESTS MISLUKT bij: ${label}"
    exit "$rc"
  fi
}

summary() {
  echo
  echo "════ Samenvatting"
  printf '  %s\n' "${results[@]}"
  echo "  totaal $(( $(date +%s) - started )) s"
}

# ── Chromium (Debian package; playwright-core drives /usr/bin/chromium) ──────────────────────
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    step "Chromium installeren (apt)" bash -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'
  else
    echo "Chromium ontbreekt en dit script draait niet als root: installeer het met 'sudo apt-get install chromium'." >&2
    exit 1
  fi
fi

# ── npm packages: only when node_modules is missing or differs from package-lock.json ───────
deps_stale() {
  node -e '
    const fs = require("fs");
    if (!fs.existsSync("node_modules/.package-lock.json")) process.exit(0);
    const want = JSON.parse(fs.readFileSync("package-lock.json", "utf8")).packages;
    const have = JSON.parse(fs.readFileSync("node_modules/.package-lock.json", "utf8")).packages;
    const stale = Object.entries(want).some(([k, p]) => k !== "" && !p.optional && (have[k] || {}).version !== p.version);
    process.exit(stale ? 0 : 1);'
}
# npm ci refuses this lock file: it cannot list @duckdb/node-api's macOS/Windows/arm64 bindings
# (optional, absent from the registry used here). npm install then installs the locked versions.
npm_install() { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; }
if deps_stale; then
  step "npm-pakketten installeren" npm_install
fi

# ── Demo data (seeded generator) when missing ───────────────────────────────────────────────
demo_data_missing() { # the manifest is missing, or names an extract file that is not there
  node -e '
    const fs = require("fs");
    try {
      const { extracts } = JSON.parse(fs.readFileSync("data/manifest.json", "utf8"));
      process.exit(extracts.length > 0 && extracts.every((e) => fs.existsSync("data/" + e.file)) ? 1 : 0);
    } catch { process.exit(0); }'
}
if demo_data_missing; then
  step "demodata bouwen" npm run data
fi
# The demo's first views computed ahead (data/antwoorden.arrow): missing, or older than the
# manifest or the source (a changed SQL builder gives other keys).
if [ ! -f data/antwoorden.arrow ] || [ data/antwoorden.arrow -ot data/manifest.json ] || [ -n "$(find src -newer data/antwoorden.arrow -print -quit)" ]; then
  step "eerste weergaven vooraf berekenen" npx tsx notebooks/generate-antwoorden.ts
fi

step "typecheck (svelte-check)" npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
step "ongebruikte exports en bestanden (knip)" npx knip
step "unit- en integratietests" npx vitest run
# The calibration notebook (demo data against published figures), once it exists.
if [ -f notebooks/calibration.ts ]; then
  step "kalibratienotebook" npm run notebook
fi
step "vite build" node node_modules/vite/bin/vite.js build
step "end-to-end-tests (Chromium)" npx vitest run --config vitest.e2e.config.ts

summary
echo "ALLE TESTS GESLAAGD"
