#!/usr/bin/env bash
# Install node_modules when missing or older than package-lock.json. Sourced or executed.
# npm ci is exact and reproducible; npm install is the fallback when the lock and package.json disagree.

_rd_main() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  # npm keeps a copy of the installed tree in node_modules/.package-lock.json; a newer lock means it is stale.
  if [ -d "$root/node_modules" ] && [ -f "$root/node_modules/.package-lock.json" ] &&
    ! [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    printf '[deps] node_modules is up to date\n' >&2
    return 0
  fi
  printf '[deps] installing dependencies (npm ci)\n' >&2
  if ! (cd "$root" && npm ci --no-audit --no-fund); then
    printf '[deps] npm ci failed; falling back to npm install\n' >&2
    (cd "$root" && npm install --no-audit --no-fund) || {
      printf '[deps] npm install failed\n' >&2
      return 1
    }
  fi
  # Mark the tree fresh even when npm left the hidden lock untouched, so the next run skips the install.
  touch "$root/node_modules/.package-lock.json"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _rd_main || return 1
else
  set -euo pipefail
  _rd_main || exit 1
fi
