#!/usr/bin/env bash
# Make the Debian chromium package available for browser tests and export CHROMIUM_PATH.
# Browsers come from apt only: playwright-core drives this binary and never downloads its own.

_rc_main() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$CHROMIUM_PATH" ]; then
    printf '[chromium] using %s\n' "$CHROMIUM_PATH" >&2
    return 0
  fi
  if [ "$CHROMIUM_PATH" != "/usr/bin/chromium" ]; then
    printf '[chromium] CHROMIUM_PATH=%s is not an executable\n' "$CHROMIUM_PATH" >&2
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      printf '[chromium] /usr/bin/chromium is missing and installing it needs root: apt-get install chromium\n' >&2
      return 1
    fi
  fi
  printf '[chromium] installing Debian chromium with apt-get\n' >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null || {
    printf '[chromium] apt-get install chromium failed\n' >&2
    return 1
  }
  [ -x /usr/bin/chromium ] || {
    printf '[chromium] chromium installed but /usr/bin/chromium is missing\n' >&2
    return 1
  }
  printf '[chromium] installed %s\n' "$(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)" >&2
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _rc_main || return 1
else
  set -euo pipefail
  _rc_main || exit 1
fi
