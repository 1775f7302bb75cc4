#!/usr/bin/env bash
# Crash and restart under redemption load (issue #8, part 2). On 127.0.0.1 only, about 2 min:
#   1. a throwaway PostgreSQL server (Debian's package) and the service on it (demo data);
#      every household gets points, every village a stocked product (redeem_api.py setup);
#   2. crash_client.py redeems continuously from THREADS threads, a new Idempotency-Key per
#      redemption, and keeps a journal of every attempt; unanswered and 503 requests stay
#      pending and are retried with the same key and body;
#   3. after LOAD_S seconds: kill -9 of the service, restart (seconds to /health), load goes on;
#   4. PostgreSQL stopped (-m fast) under load, started again PG_DOWN_S seconds later;
#   5. new redemptions stop, pending ones are resolved with their keys (at most DRAIN_S s);
#   6. crash_check.py verifies journal against database (see README.md beside this file) and
#      prints the table; the exit status is 1 when any check fails.
#
#   mvn -B -q clean package -DskipTests && deploy/bench/crash-bench.sh
#
# Environment: JAR, JAVA_OPTS (see lib.sh), THREADS (8), LOAD_S (15), AFTER_S (10: load after
# each restart), PG_DOWN_S (3), HANG_S (10: "no hangs" bound), RECOVERY_S (5: first 2xx after
# PostgreSQL is back), DRAIN_S (30), README=0 to leave README.md alone.
# Results: deploy/bench/results/crash-bench-<UTC stamp>.{txt,journal.jsonl,events.txt}.
set -eEuo pipefail
BENCH_NAME=crash-bench
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

THREADS=${THREADS:-8}
LOAD_S=${LOAD_S:-15}
AFTER_S=${AFTER_S:-10}
PG_DOWN_S=${PG_DOWN_S:-3}
HANG_S=${HANG_S:-10}
RECOVERY_S=${RECOVERY_S:-5}
DRAIN_S=${DRAIN_S:-30}
need_tools java curl psql python3 timeout runuser

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
START_HUMAN=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
OUT="$BENCH/results/crash-bench-$STAMP"
mkdir -p "$BENCH/results"
JOURNAL="$OUT.journal.jsonl"
EVENTS="$OUT.events.txt"
: >"$JOURNAL"
: >"$EVENTS"
event() { echo "$1 ${2:-$(date +%s.%N)}" >>"$EVENTS"; }
CLIENT_PID=""
stop_client() {
  if [[ -n $CLIENT_PID ]] && kill -0 "$CLIENT_PID" 2>/dev/null; then kill -TERM "$CLIENT_PID"; fi
  CLIENT_PID=""
}
trap 'rc_=$?; trap - ERR; stop_client; (exit $rc_); bench_cleanup' EXIT

# ---- 1. PostgreSQL, service, points and stock ----
start_pg
start_service VP_DEMO=true
FIRST_START_S=$STARTUP_S
BASE="http://$HOST:$PORT"
api() { timeout 300 python3 "$BENCH/redeem_api.py" "$@"; }
log "setup through the API: $(api setup "$BASE" "$TMP/targets.txt")"
# Everything made from here on belongs to the run.
BASE_REDEMPTION=$(q -c 'select coalesce(max(id), 0) from redemptions')
BASE_TOKEN=$(q -c 'select coalesce(max(id), 0) from qr_tokens')
verify_ledger() { api verify "$BASE" >>"$TMP/verify.txt"; tail -1 "$TMP/verify.txt" >&2; }

# ---- 2. load ----
mkdir -p "$TMP/control"
log "load: $THREADS client threads"
event load
DRAIN_S=$DRAIN_S python3 "$BENCH/crash_client.py" "$BASE" "$TMP/targets.txt" "$JOURNAL" \
  "$TMP/control" "$THREADS" "$STAMP" 2>"$TMP/client.log" &
CLIENT_PID=$!
sleep "$LOAD_S"
kill -0 "$CLIENT_PID" 2>/dev/null || { cat "$TMP/client.log" >&2; die "the client died"; }

# ---- 3. kill -9 and restart ----
log "kill -9 of the service (pid $SVC_PID)"
event kill
kill -KILL "$SVC_PID"
wait "$SVC_PID" 2>/dev/null || true
SVC_PID=""
start_service VP_DEMO=true
event service_up
event restart_s "$STARTUP_S"
sleep "$AFTER_S"
log "ledger after the crash phase (load still running):"
verify_ledger

# ---- 4. PostgreSQL stopped and started under load ----
log "stopping PostgreSQL (-m fast) for ${PG_DOWN_S}s"
event pg_stop
pg_stop_server fast
event pg_down
sleep "$PG_DOWN_S"
event pg_start
pg_start_server
event pg_up
log "PostgreSQL is back"
sleep "$AFTER_S"

# ---- 5. stop new redemptions; resolve the pending ones with their keys ----
event stop
touch "$TMP/control/stop"
for _ in $(seq 1 $((DRAIN_S * 2 + 20))); do
  [[ -f $TMP/control/done ]] && break
  sleep 0.5
done
[[ -f $TMP/control/done ]] || { cat "$TMP/client.log" >&2; die "the client did not finish"; }
wait "$CLIENT_PID" 2>/dev/null || true
CLIENT_PID=""
event end
[[ -s $TMP/client.log ]] && { log "client stderr:"; cat "$TMP/client.log" >&2; }

# ---- 6. verify ----
log "ledger at the end:"
verify_ledger
mkdir -p "$TMP/db"
cp "$TMP/verify.txt" "$TMP/db/verify.txt"
# xmin: the id of the transaction that wrote the row (last); one redemption's key, redemption
# and QR code row are all written by the redemption's transaction.
q -F '|' -c "select key, response_status, (response_body::jsonb ->> 'id'), xmin
             from idempotency_keys where key like 'crash-$STAMP-%'" >"$TMP/db/keys.txt"
q -F '|' -c "select id, household_id, xmin from redemptions
             where id > $BASE_REDEMPTION" >"$TMP/db/redemptions.txt"
q -F '|' -c "select nonce, household_id, used_at is not null, xmin from qr_tokens
             where id > $BASE_TOKEN" >"$TMP/db/tokens.txt"
rc=0
REPORT=$(python3 "$BENCH/crash_check.py" "$JOURNAL" "$EVENTS" "$TMP/db" "$HANG_S" "$RECOVERY_S") \
  || rc=$?
END_HUMAN=$(date -u '+%H:%M:%S UTC')
SECTION=$(
  echo "Run $START_HUMAN .. $END_HUMAN, \`deploy/bench/crash-bench.sh\`" \
    "(THREADS=$THREADS LOAD_S=$LOAD_S AFTER_S=$AFTER_S PG_DOWN_S=$PG_DOWN_S);" \
    "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown);" \
    "$(nproc) cores; PostgreSQL $(q -c 'show server_version') (Debian package," \
    "fsync=$(q -c 'show fsync'), synchronous_commit=$(q -c 'show synchronous_commit'));" \
    "$(java -version 2>&1 | sed -n 1p); first start with demo data ${FIRST_START_S} s;" \
    "connection timeout 3 s (default); load average before $LOAD_BEFORE, after" \
    "$(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows start-up and load, not" \
    "the checks). Result: **$([[ $rc == 0 ]] && echo PASS || echo FAIL)**."
  echo
  echo "$REPORT"
)
echo "$SECTION" | tee "$OUT.txt"
MARK='<!-- crash-bench.sh adds its runs above this line -->'
if [[ ${README:-1} != 0 ]] && grep -qF "$MARK" "$BENCH/README.md"; then
  printf '### Run %s\n\n%s\n\n' "$START_HUMAN" "$SECTION" >"$TMP/section.md"
  awk -v mark="$MARK" -v f="$TMP/section.md" \
    '$0 == mark { while ((getline l < f) > 0) print l } { print }' \
    "$BENCH/README.md" >"$TMP/README.md"
  cat "$TMP/README.md" >"$BENCH/README.md"
  log "added to deploy/bench/README.md (section Crash and restart)"
fi
log "summary: $OUT.txt; journal: $JOURNAL"
exit "$rc"
