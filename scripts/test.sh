#!/usr/bin/env bash
# npm test: the whole CI in one command.
# Ensures dependencies, Postgres + Redis and Chromium, then runs type checks, ESLint and every Jest project.
# Every step runs even after a failure (so one run shows all problems); the exit code is non-zero if any failed.
# Extra arguments go to Jest, e.g. `npm test -- libs/journey`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=false NX_NO_CLOUD=true CI="${CI:-true}"

source scripts/ensure-deps.sh
source scripts/ensure-services.sh
source scripts/ensure-chromium.sh

declare -a results=()
failed=0

# step <label> <command...>: run, time and record one step without stopping the script.
step() {
  local label="$1" start status
  shift
  printf '\n==> %s\n' "$label"
  start=$SECONDS
  set +e
  "$@"
  status=$?
  set -e
  if [ "$status" -eq 0 ]; then
    results+=("ok    $label ($((SECONDS - start))s)")
  else
    results+=("FAIL  $label ($((SECONDS - start))s, exit $status)")
    failed=1
  fi
}

has_files() {
  local -a found
  shopt -s globstar nullglob
  found=($@)
  shopt -u globstar nullglob
  [ "${#found[@]}" -gt 0 ]
}

# tsc refuses a project with no inputs; skip a check until its sources exist.
if has_files 'libs/*/src/**/*.ts' 'apps/api/src/**/*.ts' 'apps/worker/src/**/*.ts' 'tests/**/*.ts' 'tools/**/*.ts'; then
  step "typecheck (server, core, tests, tools)" npx tsc -p tsconfig.check.json --noEmit
fi
if has_files 'apps/editor/src/**/*.ts' 'apps/editor/src/**/*.tsx'; then
  step "typecheck (editor)" npx tsc -p apps/editor/tsconfig.json --noEmit
fi
# The Nx module-boundary rule reads Nx's cached project graph and silently skips itself without one (a fresh clone).
step "project graph (for module boundaries)" npx nx show projects
step "eslint" npx eslint .
# --forceExit: a leaked Redis/Postgres handle must fail loudly in a test, not hang CI forever.
step "jest" npx jest --ci --maxWorkers=2 --forceExit --passWithNoTests "$@"

printf '\n==> summary\n'
printf '%s\n' "${results[@]}"
if [ "$failed" -ne 0 ]; then
  printf 'npm test: FAILED\n'
  exit 1
fi
printf 'npm test: all steps passed\n'
