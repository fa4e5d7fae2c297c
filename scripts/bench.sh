#!/usr/bin/env bash
# npm run bench: throughput benchmark against the local Postgres and Redis.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/ensure-deps.sh
source scripts/ensure-services.sh

exec node -r @swc-node/register tools/bench/run-bench.ts "$@"
