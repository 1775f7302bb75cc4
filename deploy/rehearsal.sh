#!/usr/bin/env bash
# One-machine rehearsal of the multi-instance install (issue #9, part 6), loopback only and
# bounded (about 3 minutes; a watchdog stops everything after MAX_SECONDS, default 600):
#   1. a PostgreSQL 15 primary (port 55432) and a streaming replica made with
#      pg_basebackup -R (port 55433), from Debian's binaries, under a temporary directory;
#   2. two service instances (18081 with the demo district, 18082), both on the primary
#      with the replica as datasources.replica, and nginx on 127.0.0.1:18080 with the site's
#      own locations file (deploy/nginx/village-points-locations.conf) in front;
#   3. redemption load (phone code + redemption, retried with the same Idempotency-Key) and
#      district dashboard load through nginx; instance 18082 is killed with SIGKILL mid-run
#      and later started again;
#   4. checks: no request failed after the client's retries, every confirmed redemption
#      exists exactly once and no other was made, the ledger verifies, dashboard reads
#      landed on the replica (X-Read-Source and the replica's own transaction counter);
#   5. prints the figures and appends them to deploy/bench/README.md ("Rehearsal").
# From a fresh clone: mvn -B -q clean package -DskipTests && deploy/rehearsal.sh
# Environment: LOAD_SECONDS (75), KILL_AT (15), RESTART_AT (25; the phase after-restart
# begins once the instance answers /health again, about 30 s later on 2 busy cores), REDEEM_THREADS (4),
# DASHBOARD_THREADS (2), MAX_SECONDS (600), HISTORY (false: demo without six months of
# history), PG_BIN (/usr/lib/postgresql/15/bin). nginx is installed (nginx-light) if missing.
set -eEuo pipefail
BENCH_NAME=rehearsal
. "$(dirname "$0")/bench/lib.sh"

LOAD_SECONDS=${LOAD_SECONDS:-75}
KILL_AT=${KILL_AT:-15}
RESTART_AT=${RESTART_AT:-25}
REDEEM_THREADS=${REDEEM_THREADS:-4}
DASHBOARD_THREADS=${DASHBOARD_THREADS:-2}
MAX_SECONDS=${MAX_SECONDS:-600}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=55432 REPLICA_PORT=55433 NGINX_PORT=18080 PORTS=(18081 18082)
DB=village_points
declare -A PIDS=()
NGINX_PID=""

need_tools java curl psql python3
[[ -x $PG_BIN/initdb && -x $PG_BIN/pg_basebackup ]] || die "no PostgreSQL server binaries in $PG_BIN (apt-get install -y postgresql)"
[[ -f $JAR ]] || die "no jar at $JAR (build: mvn -B -q clean package -DskipTests)"
if ! command -v nginx >/dev/null; then
  [[ $(id -u) == 0 ]] || die "nginx is missing: apt-get install -y nginx-light"
  log "installing nginx-light (Debian package)"
  apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq nginx-light >/dev/null; }
fi
for p in $PRIMARY_PORT $REPLICA_PORT $NGINX_PORT "${PORTS[@]}"; do
  ! (exec 3<>"/dev/tcp/$HOST/$p") 2>/dev/null || die "port $p is in use"
done

# PostgreSQL refuses to run as root: as root, the clusters belong to the postgres user.
chmod 755 "$TMP"
PGDIR="$TMP/pg"
mkdir -p "$PGDIR"
[[ $(id -u) != 0 ]] || chown postgres: "$PGDIR"

rehearsal_cleanup() {
  local rc=$? p
  set +e
  trap - ERR
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  [[ -z $NGINX_PID ]] || kill -QUIT "$NGINX_PID" 2>/dev/null
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$p" 2>/dev/null
  done
  for c in replica primary; do
    if [[ -f $PGDIR/$c/postmaster.pid ]]; then
      as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/$c" -m fast -w stop >/dev/null 2>&1
    fi
  done
  [[ -z ${WATCHDOG:-} ]] || kill "$WATCHDOG" 2>/dev/null
  if [[ $rc != 0 && -d $TMP ]]; then
    for f in "$TMP"/instance-*.log "$PGDIR"/*.log "$TMP"/nginx/error.log; do
      [[ -f $f ]] && { echo "--- tail of $f" >&2; tail -15 "$f" >&2; }
    done
  fi
  (exit "$rc")
  bench_cleanup
}
trap rehearsal_cleanup EXIT
( sleep "$MAX_SECONDS"; echo "rehearsal: over $MAX_SECONDS s, stopping" >&2; kill -TERM $$ ) &
WATCHDOG=$!

pq() { psql -h $HOST -p "$1" -U postgres -d "${2:-$DB}" -X -q -At -v ON_ERROR_STOP=1 -c "$3"; }

log "primary PostgreSQL on $HOST:$PRIMARY_PORT"
as_postgres "$PG_BIN/initdb" -D "$PGDIR/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$PGDIR/primary/postgresql.conf" <<EOF
listen_addresses = '$HOST'
unix_socket_directories = '$PGDIR'
wal_level = replica
max_wal_senders = 4
hot_standby = on
timezone = 'Asia/Shanghai'
max_connections = 100
EOF
as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/primary" -o "-p $PRIMARY_PORT" -l "$PGDIR/primary.log" -w start >/dev/null
pq $PRIMARY_PORT postgres "create database $DB"

log "streaming replica on $HOST:$REPLICA_PORT (pg_basebackup -R)"
as_postgres "$PG_BIN/pg_basebackup" -h $HOST -p $PRIMARY_PORT -U postgres -D "$PGDIR/replica" -R -X stream -c fast
as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/replica" -o "-p $REPLICA_PORT" -l "$PGDIR/replica.log" -w start >/dev/null
[[ $(pq $REPLICA_PORT postgres "select pg_is_in_recovery()") == t ]] || die "the replica is not in recovery"

SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
start_instance() { # PORT [VAR=value...]
  local port=$1; shift
  mkdir -p "$TMP/data-$port"
  # shellcheck disable=SC2086
  env "$@" VP_JWT_SECRET="$SECRET" VP_DATA_DIR="$TMP/data-$port" VP_TRUST_PROXY=true \
    VP_DEMO_HISTORY="${HISTORY:-false}" MICRONAUT_SERVER_HOST=$HOST MICRONAUT_SERVER_PORT="$port" \
    DATASOURCES_DEFAULT_URL="jdbc:postgresql://$HOST:$PRIMARY_PORT/$DB" DATASOURCES_DEFAULT_USERNAME=postgres \
    DATASOURCES_REPLICA_URL="jdbc:postgresql://$HOST:$REPLICA_PORT/$DB" DATASOURCES_REPLICA_USERNAME=postgres \
    java $JAVA_OPTS -jar "$JAR" >>"$TMP/instance-$port.log" 2>&1 &
  PIDS[$port]=$!
}
await_instance() { # PORT
  local i
  for i in $(seq 1 180); do
    curl -sf -o /dev/null "http://$HOST:$1/health" && return
    kill -0 "${PIDS[$1]}" 2>/dev/null || die "instance $1 died (see above)"
    sleep 1
  done
  die "instance $1: no /health after 180 s"
}
log "instance ${PORTS[0]} (loads the demo district), then ${PORTS[1]}"
T0=$SECONDS
start_instance "${PORTS[0]}" VP_DEMO=true
await_instance "${PORTS[0]}"
start_instance "${PORTS[1]}"
await_instance "${PORTS[1]}"
STARTUP=$((SECONDS - T0))

log "nginx on $HOST:$NGINX_PORT in front of both"
mkdir -p "$TMP/nginx"
[[ $(id -u) != 0 ]] || chown nobody "$TMP/nginx"
cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  log_format up '\$request_method|\$uri|\$status|\$upstream_addr|\$upstream_status';
  access_log $TMP/nginx/access.log up;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  upstream village_points {
    server $HOST:${PORTS[0]} max_fails=2 fail_timeout=10s;
    server $HOST:${PORTS[1]} max_fails=2 fail_timeout=10s;
    keepalive 16;
  }
  server {
    listen $HOST:$NGINX_PORT;
    include $ROOT/deploy/nginx/village-points-locations.conf;
  }
}
EOF
nginx -t -q -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf"
nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 1 20); do curl -sf -o /dev/null "http://$HOST:$NGINX_PORT/health" && break; sleep 0.5; done
PORT=$NGINX_PORT # login() of lib.sh goes through nginx

log "preparing the shop: points for every household, a product per village (through nginx)"
python3 "$BENCH/redeem_api.py" setup "http://$HOST:$NGINX_PORT" "$TMP/targets" >&2
DISTRICT_TOKEN=$(login district demo123)
DISTRICT_ID=$(pq $PRIMARY_PORT $DB "select id from districts order by id limit 1")
REPLICA_STATE=$(curl -s "http://$HOST:${PORTS[0]}/health")
log "health of ${PORTS[0]}: $REPLICA_STATE"

replica_commits() { pq $REPLICA_PORT $DB "select xact_commit from pg_stat_database where datname = '$DB'"; }
START_TIME=$(pq $PRIMARY_PORT $DB "select now()")
COMMITS0=$(replica_commits)
echo before-kill >"$TMP/phase"
log "load for ${LOAD_SECONDS}s: $REDEEM_THREADS counters, $DASHBOARD_THREADS dashboard readers"
python3 "$BENCH/rehearsal_load.py" "http://$HOST:$NGINX_PORT" "$TMP/targets" "$DISTRICT_TOKEN" \
  "$DISTRICT_ID" "$LOAD_SECONDS" "$TMP/phase" "$TMP/load.json" "$REDEEM_THREADS" "$DASHBOARD_THREADS" &
LOAD_PID=$!
sleep "$KILL_AT"
log "kill -9 instance ${PORTS[1]} (pid ${PIDS[${PORTS[1]}]})"
echo after-kill >"$TMP/phase"
kill -KILL "${PIDS[${PORTS[1]}]}"
wait "${PIDS[${PORTS[1]}]}" 2>/dev/null || true
sleep $((RESTART_AT - KILL_AT))
log "starting instance ${PORTS[1]} again"
start_instance "${PORTS[1]}"
await_instance "${PORTS[1]}"
echo after-restart >"$TMP/phase"
wait "$LOAD_PID"
COMMITS1=$(replica_commits)
log "load done; checking"

python3 "$BENCH/redeem_api.py" verify "http://$HOST:$NGINX_PORT" >"$TMP/verify.txt"
python3 - "$TMP/load.json" >"$TMP/confirmed.txt" <<'EOF'
import json, sys
for c in json.load(open(sys.argv[1]))["confirmed"]:
    print(c["id"])
EOF
pq $PRIMARY_PORT $DB "select id from redemptions where created_at >= '$START_TIME' order by id" >"$TMP/made.txt"
sort -n "$TMP/confirmed.txt" >"$TMP/confirmed.sorted"
CONFIRMED=$(wc -l <"$TMP/confirmed.sorted")
UNIQUE_CONFIRMED=$(sort -un "$TMP/confirmed.txt" | wc -l)
MADE=$(wc -l <"$TMP/made.txt")
SAME=$(cmp -s "$TMP/confirmed.sorted" "$TMP/made.txt" && echo yes || echo no)
LAG=$(pq $PRIMARY_PORT $DB "select coalesce(max(extract(epoch from replay_lag)), 0) from pg_stat_replication")
# upstream_addr lists every instance nginx tried for a request ("a, b" when it passed it on)
UPSTREAMS=$(awk -F'|' '{print $4}' "$TMP/nginx/access.log" | tr ',' '\n' | tr -d ' ' \
  | grep -v '^-*$' | sort | uniq -c | awk '{printf "%s %s requests; ", $2, $1}')
NGINX_RETRIED=$(awk -F'|' '$4 ~ /,/' "$TMP/nginx/access.log" | wc -l)
NGINX_5XX=$(awk -F'|' '$3 >= 500' "$TMP/nginx/access.log" | wc -l)

REPORT=$(python3 - "$TMP/load.json" <<EOF
import json, sys
d = json.load(open(sys.argv[1]))
rows = []
keys = ["qr_requests", "redeem_requests", "redeem_first_attempt_failed", "redeem_retries",
        "redeem_failed_after_retries", "redeem_replayed_after_retry", "qr_first_attempt_failed",
        "qr_failed_after_retries", "dashboard_requests", "dashboard_first_attempt_failed",
        "dashboard_failed_after_retries", "dashboard_from_replica", "dashboard_from_primary"]
print("| phase | " + " | ".join(k.replace("_", " ") for k in keys) + " |")
print("|---" * (len(keys) + 1) + "|")
total = {k: 0 for k in keys}
for phase in ["before-kill", "after-kill", "after-restart"]:
    c = d["phases"].get(phase, {})
    print(f"| {phase} | " + " | ".join(str(c.get(k, 0)) for k in keys) + " |")
    for k in keys:
        total[k] += c.get(k, 0)
print("| all | " + " | ".join(str(total[k]) for k in keys) + " |")
failed = sum(total[k] for k in keys if k.endswith("failed_after_retries"))
print(f"\nFAILED_AFTER_RETRIES={failed}")
for f in d["failures"]:
    print("failure: " + f)
EOF
)
FAILED=$(sed -n 's/^FAILED_AFTER_RETRIES=//p' <<<"$REPORT")
OK=yes
[[ $FAILED == 0 ]] || OK=no
[[ $SAME == yes && $CONFIRMED == "$UNIQUE_CONFIRMED" && $CONFIRMED -gt 0 ]] || OK=no
grep -q '^ok=true ' "$TMP/verify.txt" || OK=no
[[ $((COMMITS1 - COMMITS0)) -gt 0 ]] || OK=no

SUMMARY=$(cat <<EOF
### Rehearsal $(date -u +%Y-%m-%dT%H:%MZ) — $( [[ $OK == yes ]] && echo passed || echo FAILED )

\`deploy/rehearsal.sh\` (LOAD_SECONDS=$LOAD_SECONDS, kill -9 of instance ${PORTS[1]} at ${KILL_AT}s,
restarted at ${RESTART_AT}s; $REDEEM_THREADS counters, $DASHBOARD_THREADS dashboard readers; $(nproc) cores).
Both instances up in ${STARTUP}s (the first loads the demo district).

$(sed '/^FAILED_AFTER_RETRIES=/d' <<<"$REPORT")

- Requests failed after the client's retries: **$FAILED** (first attempts that failed were
  retried; a redemption always with its own Idempotency-Key).
- Redemptions confirmed to the client: $CONFIRMED ($UNIQUE_CONFIRMED distinct); redemptions in
  the database since the start: $MADE; the same set: **$SAME** (no lost and no double effect).
- Ledger verification after the run: $(cat "$TMP/verify.txt").
- Replica: $((COMMITS1 - COMMITS0)) transactions committed on the standby during the load
  (its own pg_stat_database: the routed reads and the instances' lag checks, the only users
  of the standby; a read counts several, as pgjdbc sets the isolation level in statements of
  their own); replay lag at the end ${LAG}s.
  Health before the load: \`$REPLICA_STATE\`.
- nginx: ${UPSTREAMS}passed on to the other instance by nginx: $NGINX_RETRIED; answered
  the client with a 5xx: $NGINX_5XX (each retried by the client, see the table).
EOF
)
echo "$SUMMARY"
README="$BENCH/README.md"
grep -q '^## Rehearsal' "$README" || printf '\n## Rehearsal\n\nResults of `deploy/rehearsal.sh` (newest last; see the script for what it does).\n' >>"$README"
printf '\n%s\n' "$SUMMARY" >>"$README"
log "appended to $README"
[[ $OK == yes ]] || die "the rehearsal found problems (see above)"
