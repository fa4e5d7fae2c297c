#!/usr/bin/env bash
# npm start: local stack (migrations, demo seed, mail viewer, API, worker, editor) via tools/dev-stack.ts.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=false

source scripts/ensure-deps.sh
source scripts/ensure-services.sh

exec node -r @swc-node/register tools/dev-stack.ts "$@"
