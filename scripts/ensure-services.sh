#!/usr/bin/env bash
# Make Postgres and Redis answer, then export DATABASE_URL and REDIS_URL.
#
#   source scripts/ensure-services.sh   # exports into the calling shell (start.sh, test.sh, bench.sh)
#   bash scripts/ensure-services.sh     # checks/starts services and prints the URLs
#
# If DATABASE_URL / REDIS_URL are set they are used as given; otherwise the local defaults below.
# A local service that does not answer is started (and installed with apt-get if its binaries are missing).
# A remote one is only waited for: we never try to start someone else's server.
# Safe to run repeatedly: when both services already answer it does two pings and one query.

_rs_log() { printf '[services] %s\n' "$*" >&2; }

_rs_is_root() { [ "$(id -u)" = "0" ]; }

# Run a command as root: directly, through passwordless sudo, or fail.
_rs_as_root() {
  if _rs_is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    _rs_log "need root to run: $*"
    return 1
  fi
}

_RS_APT_UPDATED=""
_rs_apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    _rs_log "apt-get is not available; install $* by hand"
    return 1
  fi
  if [ -z "$_RS_APT_UPDATED" ]; then
    _rs_log "apt-get update"
    _rs_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    _RS_APT_UPDATED=1
  fi
  _rs_log "apt-get install $*"
  _rs_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || return 1
}

# Parse both URLs in one Node call (Node's WHATWG parser; Node is always present here) into _RS_* globals:
# host, port, database, admin URL (same server, maintenance database "postgres") and a password-free form for logs.
_rs_parse_urls() {
  local lines
  lines="$(node -e '
    const parse = (raw, dfltPort) => {
      const u = new URL(raw);
      const host = u.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1";
      const admin = new URL(raw);
      admin.pathname = "/postgres";
      const safe = new URL(raw);
      if (safe.password) safe.password = "***";
      return [host, u.port || dfltPort, decodeURIComponent(u.pathname.replace(/^\//, "")), admin.toString(), safe.toString()];
    };
    const pg = parse(process.argv[1], "5432");
    const redis = parse(process.argv[2], "6379");
    process.stdout.write([...pg, redis[0], redis[1], redis[4]].join("\n") + "\n");
  ' "$DATABASE_URL" "$REDIS_URL" 2>/dev/null)" || {
    _rs_log "DATABASE_URL or REDIS_URL is not a valid URL"
    return 1
  }
  {
    read -r _RS_PG_HOST
    read -r _RS_PG_PORT
    read -r _RS_PG_DB
    read -r _RS_PG_ADMIN
    read -r _RS_PG_SAFE
    read -r _RS_REDIS_HOST
    read -r _RS_REDIS_PORT
    read -r _RS_REDIS_SAFE
  } <<<"$lines"
}

_rs_is_local_host() {
  case "$1" in
    127.0.0.1 | localhost | ::1 | 0.0.0.0) return 0 ;;
    *) return 1 ;;
  esac
}

# Plain TCP probe, used when a client binary is missing.
_rs_tcp_open() {
  node -e '
    const s = require("net").connect({ host: process.argv[1], port: Number(process.argv[2]) });
    s.setTimeout(1000, () => process.exit(1));
    s.on("connect", () => { s.end(); process.exit(0); });
    s.on("error", () => process.exit(1));
  ' "$1" "$2"
}

_rs_pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 2
  else
    _rs_tcp_open "$1" "$2"
  fi
}

_rs_redis_answers() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -u "$REDIS_URL" ping 2>/dev/null)" = "PONG" ]
  else
    _rs_tcp_open "$1" "$2"
  fi
}

# _rs_wait_for <name> <seconds> <command...>
_rs_wait_for() {
  local name="$1" seconds="$2" i
  shift 2
  for ((i = 0; i < seconds * 4; i++)); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  _rs_log "$name did not answer within ${seconds}s"
  return 1
}

_rs_pg_version() {
  ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1
}

# Loopback connections trusted, so the dev/CI user "postgres" needs no password. Local clusters only.
_rs_pg_trust_loopback() {
  local version hba
  version="$(_rs_pg_version)"
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  [ -n "$version" ] && [ -f "$hba" ] || return 1
  if grep -q '# rapport: trust loopback' "$hba"; then return 0; fi
  _rs_log "allowing trust auth on loopback in $hba (dev/CI only)"
  _rs_as_root sh -c "{ echo '# rapport: trust loopback'; echo 'local all all trust'; echo 'host all all 127.0.0.1/32 trust'; echo 'host all all ::1/128 trust'; cat '$hba'; } > '$hba.rapport' && cat '$hba.rapport' > '$hba' && rm -f '$hba.rapport'" || return 1
  _rs_as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload >/dev/null 2>&1 || true
}

_rs_start_local_postgres() {
  local version
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    _rs_log "Postgres is not installed; installing it"
    _rs_apt_install postgresql postgresql-client || return 1
  fi
  version="$(_rs_pg_version)"
  if [ -z "$version" ]; then
    _rs_log "no Postgres cluster found in /etc/postgresql"
    return 1
  fi
  if [ ! -d "/etc/postgresql/$version/main" ]; then
    _rs_log "creating Postgres $version cluster 'main'"
    _rs_as_root pg_createcluster "$version" main >/dev/null || return 1
  fi
  _rs_pg_trust_loopback || true
  _rs_log "starting Postgres $version/main"
  _rs_as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || {
    # "already running" also exits non-zero; the readiness wait below decides.
    _rs_log "pg_ctlcluster start reported an error; waiting to see whether Postgres answers anyway"
  }
}

_rs_start_local_redis() {
  local port="$1" dir="/var/lib/redis" logdir="/var/log/redis"
  if ! command -v redis-server >/dev/null 2>&1; then
    _rs_log "Redis is not installed; installing it"
    _rs_apt_install redis-server || return 1
  fi
  if ! mkdir -p "$dir" "$logdir" 2>/dev/null || [ ! -w "$dir" ] || [ ! -w "$logdir" ]; then
    # Not root: keep Redis' files inside the repo's ignored state directory.
    dir="$_RS_REPO_ROOT/.rapport/redis"
    logdir="$dir"
    mkdir -p "$dir"
  fi
  _rs_log "starting Redis on 127.0.0.1:$port"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly no \
    --dir "$dir" --logfile "$logdir/ci.log" >/dev/null
}

# 0 if we can log in; psql when present, else the repo's pg driver.
_rs_pg_can_login() {
  if command -v psql >/dev/null 2>&1; then
    psql "$1" -XqtAc 'select 1' >/dev/null 2>&1
  else
    (cd "$_RS_REPO_ROOT" && node -e '
      const { Client } = require("pg");
      const c = new Client({ connectionString: process.argv[1] });
      c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
    ' "$1")
  fi
}

_rs_pg_ensure_database() {
  local db="$_RS_PG_DB" admin="$_RS_PG_ADMIN"
  [ -n "$db" ] || return 0
  if command -v psql >/dev/null 2>&1; then
    if [ "$(psql "$admin" -XqtAc "select 1 from pg_database where datname = '${db//\'/\'\'}'" 2>/dev/null)" = "1" ]; then
      return 0
    fi
    _rs_log "creating database \"$db\""
    psql "$admin" -Xqc "create database \"${db//\"/\"\"}\"" >/dev/null 2>&1 ||
      # Lost a race with a parallel run: fine if it exists now.
      [ "$(psql "$admin" -XqtAc "select 1 from pg_database where datname = '${db//\'/\'\'}'" 2>/dev/null)" = "1" ]
  else
    (cd "$_RS_REPO_ROOT" && node -e '
      const { Client } = require("pg");
      const [admin, db] = process.argv.slice(1);
      (async () => {
        const c = new Client({ connectionString: admin });
        await c.connect();
        const r = await c.query("select 1 from pg_database where datname = $1", [db]);
        if (r.rowCount === 0) {
          console.error(`[services] creating database "${db}"`);
          await c.query(`create database "${db.replace(/"/g, "\"\"")}"`).catch((e) => { if (e.code !== "42P04") throw e; });
        }
        await c.end();
      })().catch((e) => { console.error(`[services] ${e.message}`); process.exit(1); });
    ' "$admin" "$db")
  fi
}

_rs_ensure_postgres() {
  local host="$_RS_PG_HOST" port="$_RS_PG_PORT"
  if _rs_pg_answers "$host" "$port"; then
    _rs_log "Postgres answers on $host:$port"
  elif _rs_is_local_host "$host"; then
    _rs_log "Postgres does not answer on $host:$port"
    _rs_start_local_postgres || return 1
    _rs_wait_for "Postgres ($host:$port)" 30 _rs_pg_answers "$host" "$port" || return 1
    _rs_log "Postgres is up on $host:$port"
  else
    _rs_log "waiting for remote Postgres on $host:$port"
    _rs_wait_for "Postgres ($host:$port)" 60 _rs_pg_answers "$host" "$port" || return 1
  fi
  if ! _rs_pg_can_login "$_RS_PG_ADMIN"; then
    if _rs_is_local_host "$host" && _rs_pg_trust_loopback; then
      _rs_pg_can_login "$_RS_PG_ADMIN" || {
        _rs_log "cannot log in to Postgres with DATABASE_URL ($_RS_PG_SAFE)"
        return 1
      }
    else
      _rs_log "cannot log in to Postgres with DATABASE_URL ($_RS_PG_SAFE)"
      return 1
    fi
  fi
  _rs_pg_ensure_database || {
    _rs_log "could not create the database named in DATABASE_URL"
    return 1
  }
}

_rs_ensure_redis() {
  local host="$_RS_REDIS_HOST" port="$_RS_REDIS_PORT"
  if _rs_redis_answers "$host" "$port"; then
    _rs_log "Redis answers on $host:$port"
  elif _rs_is_local_host "$host"; then
    _rs_log "Redis does not answer on $host:$port"
    _rs_start_local_redis "$port" || return 1
    _rs_wait_for "Redis ($host:$port)" 20 _rs_redis_answers "$host" "$port" || return 1
    _rs_log "Redis is up on $host:$port"
  else
    _rs_log "waiting for remote Redis on $host:$port"
    _rs_wait_for "Redis ($host:$port)" 60 _rs_redis_answers "$host" "$port" || return 1
  fi
}

_rs_main() {
  _RS_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/rapport}"
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
  _rs_parse_urls || return 1
  _rs_ensure_postgres || { _rs_log "Postgres is not available"; return 1; }
  _rs_ensure_redis || { _rs_log "Redis is not available"; return 1; }
  _rs_log "ready: DATABASE_URL=$_RS_PG_SAFE REDIS_URL=$_RS_REDIS_SAFE"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: export into the caller and report failure through the return code.
  _rs_main || return 1
else
  set -euo pipefail
  _rs_main || exit 1
fi
