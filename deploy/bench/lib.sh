# Shared parts of the benchmark scripts in this directory (source it; bash only): logging,
# a free loopback port, starting the service jar on a throwaway embedded PostgreSQL and
# stopping both on exit, psql against that PostgreSQL, waiting for a quiet machine, wrk.
# Needs before sourcing: BENCH_NAME (for messages and the temporary directory).
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/deploy/bench"
JAR=${JAR:-backend/target/backend-0.1.0-SNAPSHOT.jar}
[[ $JAR == /* ]] || JAR="$ROOT/$JAR"
JAVA_OPTS=${JAVA_OPTS:-"-Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError"}
HOST=127.0.0.1
TICK=$(getconf CLK_TCK)

die() { echo "$BENCH_NAME: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

need_tools() { local t; for t in "$@"; do command -v "$t" >/dev/null || die "$t is missing"; done; }

need_wrk() {
  if ! command -v wrk >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      log "installing wrk (Debian package)"
      apt-get install -y -qq wrk >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
    fi
    command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
  fi
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/$BENCH_NAME.XXXXXX")
DATA=${DATA:-$TMP/data} # the service's data directory (kept when DATA is given)
SVC_PID=""
PM_PID=""
stop_service() { # TERM the service (its hooks stop PostgreSQL); kill what is left
  local pidfile="$DATA/postgres/postmaster.pid" waited=0 pm
  if [[ -n $SVC_PID ]] && kill -0 "$SVC_PID" 2>/dev/null; then
    kill -TERM "$SVC_PID" 2>/dev/null
    while kill -0 "$SVC_PID" 2>/dev/null && [[ $waited -lt 30 ]]; do sleep 1; waited=$((waited + 1)); done
    kill -0 "$SVC_PID" 2>/dev/null && kill -KILL "$SVC_PID" 2>/dev/null
  fi
  if [[ -f $pidfile ]]; then # the service died without stopping its database
    pm=$(head -1 "$pidfile")
    if [[ -n $pm ]] && kill -0 "$pm" 2>/dev/null; then
      kill -INT "$pm" 2>/dev/null
      for _ in $(seq 1 20); do kill -0 "$pm" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pm" 2>/dev/null
    fi
  fi
  SVC_PID=""
}
bench_cleanup() {
  local rc=$?
  set +e
  trap - ERR
  stop_service
  rm -rf "$TMP"
  exit "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "$BENCH_NAME: command failed at line $LINENO" >&2' ERR

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(shuf -i 20000-40000 -n 1)
    if ! (exec 3<>"/dev/tcp/$HOST/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port"
}

# start_service VAR=value... : the jar on $HOST:$PORT with its data in $DATA; sets
# SVC_PID, PM_PID (the embedded postmaster) and PGPORT.
start_service() {
  [[ -f $JAR ]] || die "no jar at $JAR (build: mvn -B -q clean package -DskipTests)"
  PORT=${PORT:-$(free_port)}
  log "starting the service on $HOST:$PORT (data in $DATA)"
  # shellcheck disable=SC2086
  env "$@" VP_DATA_DIR="$DATA" MICRONAUT_SERVER_HOST=$HOST MICRONAUT_SERVER_PORT="$PORT" \
    java $JAVA_OPTS -jar "$JAR" >>"$TMP/service.log" 2>&1 &
  SVC_PID=$!
  local i
  for i in $(seq 1 180); do
    curl -sf -o /dev/null "http://$HOST:$PORT/health" && break
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$TMP/service.log" >&2; die "the service died"; }
    [[ $i == 180 ]] && { tail -30 "$TMP/service.log" >&2; die "no /health after 180 s"; }
    sleep 1
  done
  PM_PID=$(sed -n 1p "$DATA/postgres/postmaster.pid")
  PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
  log "service up; embedded PostgreSQL on $HOST:$PGPORT"
}

q() { PGCONNECT_TIMEOUT=10 psql -h $HOST -p "$PGPORT" -U postgres -d postgres -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# login USER PASSWORD -> access token (never a failed login: the throttle counts failures)
login() {
  local resp
  resp=$(curl -s -w '\n%{http_code}' -X POST "http://$HOST:$PORT/api/login" \
    -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}")
  [[ ${resp##*$'\n'} == 200 ]] || die "login of $1 failed: $resp"
  sed -nE 's/.*"access_token":"([^"]+)".*/\1/p' <<<"${resp%$'\n'*}"
}

busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }
quiet_wait() { # wait (at most $1 s) until the machine is idle apart from the idle service
  local b0 b1 pct waited=0
  while :; do
    b0=$(busy_ticks); sleep 3; b1=$(busy_ticks)
    pct=$(( (b1 - b0) * 100 / TICK / 3 / $(nproc) ))
    [[ $pct -lt 10 ]] && { log "machine quiet (${pct}% busy)"; return; }
    if [[ $waited -ge $1 ]]; then log "WARNING: machine still ${pct}% busy; measuring anyway"; return; fi
    log "machine ${pct}% busy with other work, waiting"
    sleep 7; waited=$((waited + 10))
  done
}
