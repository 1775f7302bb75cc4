#!/usr/bin/env bash
# Ledger benchmark: single manual adjustments through the service (wrk, 1/8/32 clients)
# against pgbench running the same SQL on the same PostgreSQL, plus one 500-transfer batch
# through PostingService. Everything on 127.0.0.1, every load bounded in time (about
# 3 minutes in all with the defaults, at most 4 while waiting for a quiet machine).
# See README.md beside this file.
#
#   deploy/bench/ledger-bench.sh
#
# Environment: JAR (default backend/target/backend-0.1.0-SNAPSHOT.jar, relative to the repo
# root), DURATION (seconds per level and tool, 15), LEVELS ("1 8 32"), WARMUP (seconds, 45,
# as in redemption-bench.sh: the JIT is still compiling the request path after 20 s),
# BATCH_WARMUP (5), BATCH_TIMED (10), JAVA_OPTS (the systemd unit's heap settings),
# EXTRA_CP (extra class path entries for the service),
# QUIET_WAIT (seconds to wait for other work on the machine to stop before measuring, 60).
# Writes a summary and the raw tool output to deploy/bench/results/; all else goes to a
# temporary directory that is removed on exit, with the service and its embedded PostgreSQL.
set -eEuo pipefail
BENCH_NAME=ledger-bench
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DURATION=${DURATION:-15}
LEVELS=${LEVELS:-"1 8 32"}
WARMUP=${WARMUP:-45}
BATCH_WARMUP=${BATCH_WARMUP:-5}
BATCH_TIMED=${BATCH_TIMED:-10}
need_tools java curl psql awk sort unzip pgrep getconf shuf
need_pgbench
need_wrk

JACKSON_NOTE=""
CP="$JAR${EXTRA_CP:+:$EXTRA_CP}"

# ---- start the service (demo data) ----
mkdir -p "$BENCH/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
SUMMARY="$BENCH/results/ledger-bench-$STAMP.txt"
RAW="$BENCH/results/ledger-bench-$STAMP.raw.txt"
: >"$RAW"
start_service VP_DEMO=true

# The villages' ISSUANCE accounts (the service creates them on first use) and the list of
# (household, committee user) that pgbench draws from, like wrk draws from targets.txt.
q <<'SQL'
insert into ledger_accounts (village_id, kind) select id, 'ISSUANCE' from villages
  on conflict (village_id, kind) where kind <> 'HOUSEHOLD' do nothing;
create table bench_targets as
  select (row_number() over (order by h.id))::int as n, h.id as household_id,
         u.id as user_id, u.username
  from households h join villages v on v.id = h.village_id
  join users u on u.username = v.slug || '-committee' and u.role = 'VILLAGE_COMMITTEE';
alter table bench_targets add primary key (n);
SQL
NH=$(q -c 'select count(*) from bench_targets')
[[ $NH -gt 0 ]] || die "no households with a committee account"

# One committee token per village; never a failed login (the throttle counts failures).
: >"$TMP/targets.txt"
while IFS='|' read -r vid slug; do
  resp=$(curl -s -w '\n%{http_code}' -X POST "http://$HOST:$PORT/api/login" \
    -H 'Content-Type: application/json' \
    -d "{\"username\":\"$slug-committee\",\"password\":\"demo123\"}")
  [[ ${resp##*$'\n'} == 200 ]] || die "login of $slug-committee failed: $resp"
  token=$(sed -nE 's/.*"access_token":"([^"]+)".*/\1/p' <<<"${resp%$'\n'*}")
  q -c "select household_id from bench_targets t join households h on h.id = t.household_id
        where h.village_id = $vid order by 1" | sed "s/\$/ $token/" >>"$TMP/targets.txt"
done < <(q -c "select distinct v.id, v.slug from villages v join households h
               on h.village_id = v.id join bench_targets t on t.household_id = h.id order by 1")
VILLAGES=$(q -c "select count(distinct h.village_id) from bench_targets t
                 join households h on h.id = t.household_id")
log "$NH households in $VILLAGES villages, one committee token per village"

RUN_ID=$(date +%s)
TIMEFORMAT='%U %S' # bash's time: the load generator's own CPU seconds
run_wrk() { # clients seconds label -> WRK_RESULT line + client_cpu_s; raw output to $RAW
  local c=$1 secs=$2 label=$3 threads=2 out
  [[ $c -lt 2 ]] && threads=1
  { time wrk -t"$threads" -c"$c" -d"${secs}s" --timeout 10s -s "$BENCH/adjust.lua" \
      "http://$HOST:$PORT" -- "$TMP/targets.txt" "w$RUN_ID$label" >"$TMP/out.$label" 2>&1; } \
    2>"$TMP/time.$label" || true
  out=$(cat "$TMP/out.$label")
  printf '### wrk %s: -t%s -c%s -d%ss\n%s\n\n' "$label" "$threads" "$c" "$secs" "$out" >>"$RAW"
  grep -q '^WRK_RESULT' <<<"$out" || die "wrk gave no result: $out"
  echo "$(grep '^WRK_RESULT' <<<"$out") client_cpu_s=$(awk '{print $1 + $2}' "$TMP/time.$label")"
}
run_pgbench() { # clients seconds label -> "tps= failed= aborted= p50_ms= p99_ms= client_cpu_s="
  local c=$1 secs=$2 label=$3 rc=0
  { time "$PGBENCH" -h $HOST -p "$PGPORT" -U postgres -n -M prepared -c "$c" -j "$c" \
      -T "$secs" -D nh="$NH" -f "$BENCH/transfer.sql" -l --log-prefix="$TMP/pgb-$label" \
      "$PGDB" >"$TMP/out.$label" 2>&1 || rc=$?; } 2>"$TMP/time.$label"
  echo "$(pgbench_result "$c" "$secs" "$label" "$rc") client_cpu_s=$(awk '{print $1 + $2}' "$TMP/time.$label")"
}

quiet_wait "${QUIET_WAIT:-60}"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START_HUMAN=$(date '+%Y-%m-%d %H:%M:%S %Z')
log "warm-up: service ${WARMUP}s at 8 clients, pgbench 5s at 8 clients"
run_wrk 8 "$WARMUP" warm >/dev/null
run_pgbench 8 5 warm >/dev/null
# Steady state: fresh statistics, as autovacuum would have them on a ledger in use. Without
# this the run measures a freshly seeded database, whose pooled service connections keep
# plans made while ledger_entries was empty (the deferred balance trigger then slows down
# as the table grows, until autoanalyze happens to run).
q -c 'vacuum analyze'

ROWS=()
CPU_ROWS=()
OTHERS=()
MAX_OTHER=0
ERRORS=0
for c in $LEVELS; do
  log "level $c: service ${DURATION}s"
  all_ticks >"$TMP/procs0"; s0=$(snapshot)
  w=$(run_wrk "$c" "$DURATION" "c$c")
  s1=$(snapshot); all_ticks >"$TMP/procs1"; s1b=$(snapshot)
  log "level $c: pgbench ${DURATION}s"
  p=$(run_pgbench "$c" "$DURATION" "c$c")
  s2=$(snapshot); all_ticks >"$TMP/procs2"
  o1=$(others "$TMP/procs0" "$TMP/procs1" "$DURATION"); o2=$(others "$TMP/procs1" "$TMP/procs2" "$DURATION")
  [[ -z $o1$o2 ]] || OTHERS+=("c=$c service: ${o1:-none}; pgbench: ${o2:-none}")
  werr=$(wrk_errors "$w")
  perr=$(( $(num failed "$p") + $(num aborted "$p") ))
  ERRORS=$((ERRORS + werr + perr))
  rps=$(field rps "$w"); tps=$(field tps "$p")
  ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN {printf (b > 0 ? "%.2f" : "nan"), (b > 0 ? a / b : 0)}')
  ROWS+=("$(printf '%7s | %10s | %7s | %7s | %10s | %7s | %7s | %5s | %s' "$c" "$rps" \
    "$(field p50_ms "$w")" "$(field p99_ms "$w")" "$tps" "$(field p50_ms "$p")" \
    "$(field p99_ms "$p")" "$ratio" "$werr/$perr")")
  read -r sj sp sc sb so <<<"$(cpu_ms_per "$s0" "$s1" "$(field requests "$w")" \
    "$(num client_cpu_s "$w")")"
  ptx=$(awk -v t="$tps" -v d="$DURATION" 'BEGIN {printf "%d", t * d}')
  read -r _ pp pc pb po <<<"$(cpu_ms_per "$s1b" "$s2" "$ptx" "$(num client_cpu_s "$p")")"
  MAX_OTHER=$(( so > po ? (so > MAX_OTHER ? so : MAX_OTHER) : (po > MAX_OTHER ? po : MAX_OTHER) ))
  CPU_ROWS+=("$(printf '%7s | %5s %5s %5s | %4s%% %4s%% | %5s %5s | %4s%% %4s%%' "$c" "$sj" \
    "$sp" "$sc" "$sb" "$so" "$pp" "$pc" "$pb" "$po")")
done

log "batch: $BATCH_WARMUP warm-up + $BATCH_TIMED timed batches of 500, then ledger verification"
batch_out=$(timeout 300 java -cp "$CP" "$BENCH/BatchBench.java" "$PGPORT" "$BATCH_WARMUP" \
  "$BATCH_TIMED" "$PGDB" 2>&1) || { echo "$batch_out" | tail -40 >&2; die "BatchBench failed"; }
printf '### BatchBench\n%s\n\n' "$(grep -E 'RESULT|WARN|ERROR' <<<"$batch_out")" >>"$RAW"
END_HUMAN=$(date '+%Y-%m-%d %H:%M:%S %Z')
b_all=$(grep '^BATCH_RESULT variant=all-villages' <<<"$batch_out")
b_one=$(grep '^BATCH_RESULT variant=one-village' <<<"$batch_out")
verify=$(grep '^VERIFY_RESULT' <<<"$batch_out")

{
  echo "Village Points ledger benchmark, $START_HUMAN .. $END_HUMAN"
  echo "machine: nproc=$(nproc), $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)," \
    "$(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before: $LOAD_BEFORE"
  echo "java: $(java -version 2>&1 | sed -n 1p); JAVA_OPTS: $JAVA_OPTS"
  echo "service start-up: ${STARTUP_S}s (exec to /health, demo data loaded); memory after the" \
    "load: RSS $(rss_mb "$SVC_PID" | awk '{print $1 " MB, peak " $2}') MB"
  echo "postgres: $(q -c 'show server_version') ($(pg_kind)), fsync=$(pgset fsync)," \
    "synchronous_commit=$(pgset synchronous_commit), shared_buffers=$(pgset shared_buffers);" \
    "$("$PGBENCH" --version); wrk $({ wrk -v 2>&1 || true; } | awk 'NR == 1 {print $2}')"
  echo "service: pool=${VP_DB_POOL_SIZE:-20} connections, blocking executor 64 threads;" \
    "targets: $NH households in $VILLAGES villages${JACKSON_NOTE:+; NOTE: $JACKSON_NOTE}"
  echo "${DURATION}s per level and tool, after ${WARMUP}s service + 5s pgbench warm-up;" \
    "latencies in ms; ratio = service req/s / pgbench tps"
  echo
  echo "clients | service/s  |   p50   |   p99   | pgbench/s  |   p50   |   p99   | ratio | errors svc/pgb"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "CPU ms per transfer (JVM, PostgreSQL, load generator) and % of the $(nproc) cores busy"
  echo "(all, and not explained by these processes: other load on the machine):"
  echo "clients | service: JVM    PG  wrk | busy other | pgbench: PG  client | busy other"
  printf '%s\n' "${CPU_ROWS[@]}"
  if [[ ${#OTHERS[@]} -gt 0 ]]; then
    echo "other processes using >= 5% of a core meanwhile:"
    printf '  %s\n' "${OTHERS[@]}"
  fi
  echo
  echo "batch of 500 AWARD transfers through PostingService.post (one transaction):"
  echo "  $(sed 's/^BATCH_RESULT //' <<<"$b_all")"
  echo "  $(sed 's/^BATCH_RESULT //' <<<"$b_one")"
  echo "ledger verification after the run: $(sed 's/^VERIFY_RESULT //' <<<"$verify")"
  echo
  awk -v rows="$(printf '%s\n' "${ROWS[@]}")" 'BEGIN {
    n = split(rows, r, "\n"); met = 1; worst = 99
    for (i = 1; i <= n; i++) { split(r[i], f, "|"); x = f[8] + 0; if (x < worst) worst = x; if (x < 0.7) met = 0 }
    printf "target service >= 0.7 x pgbench: %s (lowest ratio %.2f)\n", met ? "MET" : "NOT MET", worst }'
  med=$(field median_ms "$b_all")
  awk -v m="$med" 'BEGIN { printf "target batch of 500 <= 250 ms: %s (median %.1f ms)\n",
    (m + 0 <= 250 ? "MET" : "NOT MET"), m }'
  [[ $MAX_OTHER -lt 10 ]] || echo "DISTURBED: other work took up to $MAX_OTHER% of the machine" \
    "during a measurement (see the CPU table); compare with a run on a quiet machine"
  [[ $ERRORS == 0 ]] || echo "ERRORS: $ERRORS failed requests/transactions (see $RAW)"
} | tee "$SUMMARY"
log "summary: $SUMMARY; raw output: $RAW"
[[ $ERRORS == 0 && $verify == *ok=true* ]] || exit 1
