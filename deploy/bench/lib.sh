# Shared parts of the benchmark scripts in this directory (source it; bash only): logging,
# a free loopback port, starting the service jar on a throwaway embedded PostgreSQL, or on a
# PostgreSQL server from Debian's package (start_pg, or BENCH_PGPORT/BENCH_PGDIR given by
# bench.sh), stopping everything on exit, psql against that PostgreSQL, waiting for a quiet
# machine, wrk. Needs before sourcing: BENCH_NAME (for messages and the temporary directory).
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
  stop_pg
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

# ---- PostgreSQL from Debian's package (instead of the service's embedded one) ----
PG_BIN=${PG_BIN:-$(find /usr/lib/postgresql -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -1)}
PGDB=postgres # the database the service and psql use (embedded: postgres)
OWN_PG=""
as_postgres() { # PostgreSQL refuses to run as root
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# start_pg: initdb and start a throwaway server on a free loopback port, data in $TMP/pg
# (durable defaults: fsync and synchronous_commit on); sets BENCH_PGPORT and BENCH_PGDIR.
start_pg() {
  if [[ -z $PG_BIN || ! -x $PG_BIN/pg_ctl ]]; then
    [[ $(id -u) == 0 ]] || die "PostgreSQL server binaries missing: apt-get install -y postgresql"
    log "installing PostgreSQL (Debian package)"
    apt-get install -y -qq postgresql >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null; }
    PG_BIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin | sort -V | tail -1)
  fi
  BENCH_PGDIR=$TMP/pg
  mkdir -p "$BENCH_PGDIR"
  if [[ $(id -u) == 0 ]]; then chmod 755 "$TMP"; chown postgres: "$BENCH_PGDIR"; fi
  as_postgres "$PG_BIN/initdb" -D "$BENCH_PGDIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$TMP/initdb.log" 2>&1 || { cat "$TMP/initdb.log" >&2; die "initdb failed"; }
  BENCH_PGPORT=$(free_port)
  pg_start_server
  OWN_PG=1
  export BENCH_PGPORT BENCH_PGDIR
  PGDB=${BENCH_NAME//-/_} # as when bench.sh hands over its server
  PGPORT=$BENCH_PGPORT
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (Debian package) on $HOST:$BENCH_PGPORT"
}
# pg_start_server / pg_stop_server: (re)start or stop the server of start_pg in place (same
# port and data), e.g. to restart PostgreSQL under load (crash-bench.sh).
pg_start_server() {
  as_postgres "$PG_BIN/pg_ctl" -D "$BENCH_PGDIR" -l "$BENCH_PGDIR/server.log" -w -t 60 \
    -o "-p $BENCH_PGPORT -k $BENCH_PGDIR -c listen_addresses=$HOST -c max_connections=200 -c shared_buffers=512MB" \
    start >/dev/null || { tail -20 "$BENCH_PGDIR/server.log" >&2; die "PostgreSQL did not start"; }
}
pg_stop_server() { # $1: shutdown mode (fast)
  as_postgres "$PG_BIN/pg_ctl" -D "$BENCH_PGDIR" -m "${1:-fast}" -w -t 30 stop >/dev/null
}
stop_pg() {
  [[ -n $OWN_PG ]] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$BENCH_PGDIR" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  OWN_PG=""
}
# On a Debian server the service gets database $PGDB (created fresh) through these settings.
external_pg_env() {
  echo "DATASOURCES_DEFAULT_URL=jdbc:postgresql://$HOST:$BENCH_PGPORT/$PGDB" \
    DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=
}
# The settings that put the service (or one of its commands) on that server's database $PGDB,
# created when missing; nothing with the embedded PostgreSQL.
service_db_env() {
  [[ -n ${BENCH_PGPORT:-} ]] || return 0
  [[ $(q -d postgres -c "select count(*) from pg_database where datname = '$PGDB'") == 1 ]] \
    || q -d postgres -c "create database $PGDB"
  external_pg_env
}
if [[ -n ${BENCH_PGPORT:-} ]]; then
  PGDB=${BENCH_NAME//-/_}
  PGPORT=$BENCH_PGPORT
fi

# start_service VAR=value... : the jar on $HOST:$PORT with its data in $DATA; sets
# SVC_PID, PM_PID (the postmaster), PGPORT and STARTUP_S (seconds from exec to /health).
# With BENCH_PGPORT: on database $PGDB of that server (created when missing).
start_service() {
  [[ -f $JAR ]] || die "no jar at $JAR (build: mvn -B -q clean package -DskipTests)"
  PORT=${PORT:-$(free_port)}
  local db_env=() t0 i
  read -ra db_env <<<"$(service_db_env)"
  log "starting the service on $HOST:$PORT (data in $DATA${BENCH_PGPORT:+, database $PGDB on $HOST:$BENCH_PGPORT})"
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  env "$@" "${db_env[@]}" VP_DATA_DIR="$DATA" MICRONAUT_SERVER_HOST=$HOST MICRONAUT_SERVER_PORT="$PORT" \
    java $JAVA_OPTS -cp "$JAR${EXTRA_CP:+:$EXTRA_CP}" org.villagepoints.Application \
    >>"$TMP/service.log" 2>&1 &
  SVC_PID=$!
  for i in $(seq 1 900); do
    curl -sf -o /dev/null "http://$HOST:$PORT/health" && break
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$TMP/service.log" >&2; die "the service died"; }
    [[ $i == 900 ]] && { tail -30 "$TMP/service.log" >&2; die "no /health after 180 s"; }
    sleep 0.2
  done
  STARTUP_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
  if [[ -n ${BENCH_PGPORT:-} ]]; then
    PM_PID=$(sed -n 1p "$BENCH_PGDIR/postmaster.pid")
  else
    PM_PID=$(sed -n 1p "$DATA/postgres/postmaster.pid")
    PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
  fi
  log "service up in ${STARTUP_S}s; PostgreSQL on $HOST:$PGPORT"
}

# rss_mb PID -> "current peak" resident memory in MB (peak = VmHWM since the process began)
rss_mb() { awk '/^VmRSS/{r=$2} /^VmHWM/{h=$2} END {printf "%.0f %.0f", r/1024, h/1024}' "/proc/$1/status"; }

q() { PGCONNECT_TIMEOUT=10 psql -h $HOST -p "$PGPORT" -U postgres -d "$PGDB" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

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

# ---- CPU accounting from /proc (clock ticks) ----
proc_ticks() { # utime+stime(+cutime+cstime when $2=all) of one pid, 0 when gone
  local f
  f=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  # shellcheck disable=SC2086
  set -- $f "$2"
  if [[ ${!#} == all ]]; then echo $((${12} + ${13} + ${14} + ${15})); else echo $((${12} + ${13})); fi
}
pg_ticks() { # the postmaster with its reaped children, plus the live backends
  local sum c
  sum=$(proc_ticks "$PM_PID" all)
  for c in $(pgrep -P "$PM_PID" 2>/dev/null); do sum=$((sum + $(proc_ticks "$c" one))); done
  echo "$sum"
}
snapshot() { echo "$(proc_ticks "$SVC_PID" all) $(pg_ticks) $(busy_ticks) $(date +%s.%N)"; }
all_ticks() { # "pid ticks comm" of every process (ticks with reaped children)
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | # (some are gone meanwhile)
    awk '{pid = $1; c = $0; sub(/^[^(]*\(/, "", c); sub(/\).*$/, "", c); sub(/^.*\) /, "")
      print pid, $12 + $13 + $14 + $15, c}'
}
others() { # before-file after-file seconds -> the busiest processes that are not ours
  local skip=" $$ $SVC_PID $PM_PID $(pgrep -P "$PM_PID" 2>/dev/null | tr '\n' ' ') " pid pct comm
  awk -v t="$TICK" -v secs="$3" -v skip="$skip" '
    FNR == NR {b[$1] = $2; next}
    index(skip, " " $1 " ") == 0 && $3 != "wrk" && $3 != "pgbench" {d = ($2 - b[$1]) / t / secs * 100
      if (d >= 5) printf "%s %.0f %s\n", $1, d, $3}' "$1" "$2" |
    while read -r pid pct comm; do
      printf '%s%% %s[%s] ' "$pct" "$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | cut -c1-70 \
        || echo "$comm")" "$pid"
    done
}
cpu_ms_per() { # before after count client_cpu_s -> "jvm_ms pg_ms client_ms busy_pct other_pct"
  awk -v t="$TICK" -v n="$3" -v b="$1" -v a="$2" -v cl="$4" -v cores="$(nproc)" 'BEGIN {
    split(b, x, " "); split(a, y, " "); secs = y[4] - x[4]; if (n < 1) n = 1
    jvm = (y[1] - x[1]) / t; pg = (y[2] - x[2]) / t; busy = (y[3] - x[3]) / t
    printf "%.2f %.2f %.2f %.0f %.0f", jvm * 1000 / n, pg * 1000 / n, cl * 1000 / n,
      busy / secs / cores * 100, (busy - jvm - pg - cl) / secs / cores * 100 }'
}
field() { sed -nE "s/.*(^| )$1=([^ ]+).*/\2/p" <<<"$2"; }
num() { local v; v=$(field "$@"); echo "${v:-0}"; }
wrk_errors() { # WRK_RESULT line -> failed requests of every kind
  echo $(( $(num errors_status "$1") + $(num errors_connect "$1") + $(num errors_read "$1") \
    + $(num errors_write "$1") + $(num errors_timeout "$1") ))
}
pgset() { q -c "show $1"; }
pg_kind() { if [[ -n ${BENCH_PGPORT:-} ]]; then echo "Debian package"; else echo "embedded"; fi; }

need_pgbench() { # sets PGBENCH
  PGBENCH=$(command -v pgbench || true)
  [[ -n $PGBENCH ]] || PGBENCH=${PG_BIN:-/usr/lib/postgresql/15/bin}/pgbench
  [[ -x $PGBENCH ]] || die "pgbench is missing (Debian package postgresql-contrib or postgresql-client)"
}

# pgbench_result clients seconds label exit-code -> "tps= failed= aborted= p50_ms= p99_ms=" from
# pgbench's output in $TMP/out.LABEL and its per-transaction log $TMP/pgb-LABEL.*; the output
# also goes to $RAW.
pgbench_result() {
  local c=$1 secs=$2 label=$3 rc=$4 out lat tps
  out=$(cat "$TMP/out.$label")
  printf '### pgbench %s: -c%s -j%s -T%s (exit %s)\n%s\n\n' "$label" "$c" "$c" "$secs" "$rc" \
    "$out" >>"$RAW"
  lat=$(cat "$TMP"/pgb-"$label".* | awk '{print $3}' | sort -n | awk '
    {v[NR]=$1} END {if (NR==0) {print "p50_ms=nan p99_ms=nan"; exit}
      i50=int(NR*0.50); if (i50<NR*0.50) i50++; i99=int(NR*0.99); if (i99<NR*0.99) i99++
      printf "p50_ms=%.2f p99_ms=%.2f", v[i50]/1000, v[i99]/1000}')
  rm -f "$TMP"/pgb-"$label".*
  tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out")
  printf 'tps=%.1f failed=%s aborted=%s %s' "${tps:-0}" \
    "$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' <<<"$out")" \
    "$(grep -c 'aborted' <<<"$out" || true)" "$lat"
}
