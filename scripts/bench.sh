#!/usr/bin/env bash
# npm run bench: throughput benchmarks against the local Postgres and Redis.
#   npm run bench [-- args]          event -> send runs (tools/bench/run-bench.ts), then the ingestion run
#   npm run bench:ingest [-- args]   the ingestion run alone (tools/bench/run-ingest-bench.ts)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/ensure-deps.sh
source scripts/ensure-services.sh

if [ "${1:-}" = "--ingest-only" ]; then
  shift
  exec node -r @swc-node/register tools/bench/run-ingest-bench.ts "$@"
fi
node -r @swc-node/register tools/bench/run-bench.ts "$@"
exec node -r @swc-node/register tools/bench/run-ingest-bench.ts
