#!/usr/bin/env bash
# Redemption benchmark: POST /api/redemptions with valid phone QR tokens through the service
# (wrk, 1/8/32 clients) against pgbench running the same SQL (redeem.sql) on the same
# PostgreSQL. Everything on 127.0.0.1, every load bounded in time (about 5 minutes in all
# with the defaults). Structure copied from ledger-bench.sh; see README.md beside this file.
#
#   JAR=/tmp/backend.jar deploy/bench/redemption-bench.sh
#
# Environment: JAR (default backend/target/backend-0.1.0-SNAPSHOT.jar, relative to the repo
# root), DURATION (seconds per level and tool, 15), LEVELS ("1 8 32"), WARMUP (seconds, 45:
# the JVM's CPU per redemption settles only after some 20,000 requests),
# JAVA_OPTS (the systemd unit's heap settings), QUIET_WAIT (seconds, 30),
# MAX_TOKENS (cap of QR tokens issued per level, 30000), ATTENDANTS (32) and PACE ("1000 100
# 50"): after the closed-loop levels, ATTENDANTS connections each wait a random think time
# (exponential, mean PACE ms) before every redemption, as attendants serving queues do; the
# latency they see is the one the p99 target is about (see README.md: "Attendants at a pace").
# Writes a summary and the raw tool output to deploy/bench/results/; all else goes to a
# temporary directory that is removed on exit, with the service and its embedded PostgreSQL.
set -eEuo pipefail
BENCH_NAME=redemption-bench
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DURATION=${DURATION:-15}
LEVELS=${LEVELS:-"1 8 32"}
WARMUP=${WARMUP:-45}
MAX_TOKENS=${MAX_TOKENS:-30000}
ATTENDANTS=${ATTENDANTS:-32}
PACE=${PACE:-"1000 100 50"}
need_tools java curl psql awk sort python3 shuf timeout
need_pgbench
need_wrk

# ---- start the service (demo data) ----
mkdir -p "$BENCH/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
SUMMARY="$BENCH/results/redemption-bench-$STAMP.txt"
RAW="$BENCH/results/redemption-bench-$STAMP.raw.txt"
: >"$RAW"
start_service VP_DEMO=true
BASE="http://$HOST:$PORT"

# ---- setup through the API: points for every household, one stocked product per village ----
log "setup through the API (points, products, stock)"
api() { timeout 120 python3 "$BENCH/redeem_api.py" "$@"; }
SETUP=$(api setup "$BASE" "$TMP/targets.txt")
log "setup: $SETUP"
NH=$(wc -l <"$TMP/targets.txt")
# What pgbench draws from (the attendant user, product and SHOP account of each village).
awk '{print $1, $5}' "$TMP/targets.txt" | sort -u >"$TMP/vp.txt"
q <<SQL
create table bench_redeem (village_id bigint primary key, user_id bigint, username text,
  product_id bigint, shop_account bigint);
create temp table vp (village_id bigint, product_id bigint);
\copy vp from '$TMP/vp.txt' with (delimiter ' ')
insert into bench_redeem
  select vp.village_id, u.id, u.username, vp.product_id, a.id
  from vp join villages v on v.id = vp.village_id
  join users u on u.username = v.slug || '-shop'
  join ledger_accounts a on a.village_id = v.id and a.kind = 'SHOP';
-- villages interleaved, as redeem_api.py orders the service's tokens: n, n + 1, ... are
-- households of different villages
create table bench_households as
  select (row_number() over (order by r, village_id) - 1)::int as n, id, village_id
  from (select h.id, h.village_id, row_number() over (partition by h.village_id order by h.id) r
        from households h join bench_redeem b on b.village_id = h.village_id) x;
SQL
NBH=$(q -c 'select count(*) from bench_households')
[[ $NBH -gt 0 ]] || die "no households for pgbench"

RUN_ID=$(date +%s)
ceil() { awk -v x="$1" 'BEGIN {printf "%d", (x == int(x)) ? x : int(x) + 1}'; }
issue_tokens() { # count label -> tokens file $TMP/tokens.label
  local n=$1
  [[ $n -gt $MAX_TOKENS ]] && n=$MAX_TOKENS
  local out
  out=$(api tokens "$BASE" "$TMP/targets.txt" "$n" "$TMP/tokens.$2" 6)
  log "issued: $out"
  printf '### tokens %s: %s\n' "$2" "$out" >>"$RAW"
}
TIMEFORMAT='%U %S' # bash's time: the load generator's own CPU seconds
run_wrk() { # clients seconds label -> WRK_RESULT line + client_cpu_s; raw output to $RAW
  local c=$1 secs=$2 label=$3 threads=2 out
  [[ $c -lt 2 ]] && threads=1
  { time wrk -t"$threads" -c"$c" -d"${secs}s" --timeout 10s -s "$BENCH/redeem.lua" "$BASE" \
      -- "$TMP/tokens.$label" "w$RUN_ID$label" "$threads" >"$TMP/out.$label" 2>&1; } \
    2>"$TMP/time.$label" || true
  out=$(cat "$TMP/out.$label")
  printf '### wrk %s: -t%s -c%s -d%ss\n%s\n\n' "$label" "$threads" "$c" "$secs" "$out" >>"$RAW"
  grep -q '^WRK_RESULT' <<<"$out" || die "wrk gave no result: $out"
  echo "$(grep '^WRK_RESULT' <<<"$out") client_cpu_s=$(awk '{print $1 + $2}' "$TMP/time.$label")"
}
# Client c's k-th transaction (k from 1) redeems for household n = c + (k - 1) * clients: at
# any step the clients are on consecutive households of the interleaved list, so at
# different village counters, like the service's requests in flight.
prepare_pgbench() { # clients label per_client -> pre-inserted qr_tokens rows for pgbench
  q -c "insert into qr_tokens (household_id, village_id, nonce, expires_at)
        select h.id, h.village_id, 'pgb-$2-' || c || '-' || k, now() + interval '10 minutes'
        from generate_series(0, $1 - 1) c cross join generate_series(1, $3) k
        join bench_households h on h.n = (c + (k - 1) * $1) % $NBH"
}
run_pgbench() { # clients seconds label -> "tps= failed= aborted= p50_ms= p99_ms= client_cpu_s="
  local c=$1 secs=$2 label=$3 rc=0
  { time "$PGBENCH" -h $HOST -p "$PGPORT" -U postgres -n -M prepared -c "$c" -j "$c" \
      -T "$secs" -D lvl="$label" -D k=0 -f "$BENCH/redeem.sql" -l \
      --log-prefix="$TMP/pgb-$label" "$PGDB" >"$TMP/out.$label" 2>&1 || rc=$?; } \
    2>"$TMP/time.$label"
  echo "$(pgbench_result "$c" "$secs" "$label" "$rc") client_cpu_s=$(awk '{print $1 + $2}' "$TMP/time.$label")"
}

quiet_wait "${QUIET_WAIT:-30}"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START_HUMAN=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
log "warm-up: service ${WARMUP}s at 8 clients, pgbench 5s at 8 clients"
issue_tokens $((600 * WARMUP)) warm
w=$(run_wrk 8 "$WARMUP" warm)
SVC_RATE=$(field rps "$w")
prepare_pgbench 8 warm 2000 >/dev/null
p=$(run_pgbench 8 5 warm)
PGB_RATE=$(field tps "$p")
log "warm-up: service $SVC_RATE/s ($(num errors_status "$w") errors), pgbench $PGB_RATE/s"
# Steady state: fresh statistics (see ledger-bench.sh).
q -c 'vacuum analyze'

ROWS=()
CPU_ROWS=()
ERRORS=0
OTHERS=()
EXHAUSTED=0
P99_32=""
for c in $LEVELS; do
  f=2 # twice the best service rate so far (1 client: the warm-up's 8-client rate)
  ntok=$(ceil "$(awk -v r="$SVC_RATE" -v f="$f" -v d="$DURATION" 'BEGIN {print r * f * d + 200}')")
  log "level $c: issuing $ntok QR tokens"
  issue_tokens "$ntok" "c$c"
  q -c 'vacuum analyze qr_tokens' # fresh statistics after the inserts, for both tools
  log "level $c: service ${DURATION}s"
  all_ticks >"$TMP/procs0"; s0=$(snapshot)
  w=$(run_wrk "$c" "$DURATION" "c$c")
  s1=$(snapshot); all_ticks >"$TMP/procs1"
  r=$(field rps "$w"); SVC_RATE=$(awk -v a="$SVC_RATE" -v b="$r" 'BEGIN {print (b > a ? b : a)}')
  # pgbench's rate hardly depends on the clients: twice the best rate so far, per client
  per=$(ceil "$(awk -v r="$PGB_RATE" -v d="$DURATION" -v c="$c" \
    'BEGIN {print r * 2 * d / c + 300}')")
  prepare_pgbench "$c" "c$c" "$per" >/dev/null
  q -c 'vacuum analyze qr_tokens'
  log "level $c: pgbench ${DURATION}s ($per codes per client)"
  all_ticks >"$TMP/procs1b"; s1b=$(snapshot)
  p=$(run_pgbench "$c" "$DURATION" "c$c")
  s2=$(snapshot); all_ticks >"$TMP/procs2"
  o1=$(others "$TMP/procs0" "$TMP/procs1" "$DURATION"); o2=$(others "$TMP/procs1b" "$TMP/procs2" "$DURATION")
  [[ -z $o1$o2 ]] || OTHERS+=("c=$c service: ${o1:-none}; pgbench: ${o2:-none}")
  t=$(field tps "$p"); PGB_RATE=$(awk -v a="$PGB_RATE" -v b="$t" 'BEGIN {print (b > a ? b : a)}')
  werr=$(wrk_errors "$w")
  perr=$(( $(num failed "$p") + $(num aborted "$p") ))
  ERRORS=$((ERRORS + werr + perr))
  EXHAUSTED=$((EXHAUSTED + $(num exhausted "$w")))
  rps=$(field rps "$w"); tps=$(field tps "$p")
  ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN {printf (b > 0 ? "%.2f" : "nan"), (b > 0 ? a / b : 0)}')
  [[ $c == 32 ]] && P99_32=$(field p99_ms "$w")
  ROWS+=("$(printf '%7s | %10s | %7s | %7s | %10s | %7s | %7s | %5s | %s' "$c" "$rps" \
    "$(field p50_ms "$w")" "$(field p99_ms "$w")" "$tps" "$(field p50_ms "$p")" \
    "$(field p99_ms "$p")" "$ratio" "$werr/$perr")")
  read -r sj sp sc sb so <<<"$(cpu_ms_per "$s0" "$s1" "$(field requests "$w")" \
    "$(num client_cpu_s "$w")")"
  ptx=$(awk -v t="$tps" -v d="$DURATION" 'BEGIN {printf "%d", t * d}')
  read -r _ pp pc pb po <<<"$(cpu_ms_per "$s1b" "$s2" "$ptx" "$(num client_cpu_s "$p")")"
  CPU_ROWS+=("$(printf '%7s | %5s %5s %5s | %4s%% %4s%% | %5s %5s | %4s%% %4s%%' "$c" "$sj" \
    "$sp" "$sc" "$sb" "$so" "$pp" "$pc" "$pb" "$po")")
done

# Attendants at a pace: the same requests, each connection waiting a think time first.
PACED_ROWS=()
PACED_TARGET=()
for t in $PACE; do
  ntok=$(ceil "$(awk -v a="$ATTENDANTS" -v t="$t" -v d="$DURATION" 'BEGIN {print a * 1000 / t * d * 1.5 + 200}')")
  log "$ATTENDANTS attendants, mean think time $t ms: issuing $ntok QR tokens"
  issue_tokens "$ntok" "t$t"
  q -c 'vacuum analyze qr_tokens'
  log "$ATTENDANTS attendants, mean think time $t ms: ${DURATION}s"
  w=$(THINK_MS=$t run_wrk "$ATTENDANTS" "$DURATION" "t$t")
  werr=$(wrk_errors "$w")
  ERRORS=$((ERRORS + werr))
  EXHAUSTED=$((EXHAUSTED + $(num exhausted "$w")))
  PACED_ROWS+=("$(printf 'think %5s ms | %10s | %10s | %7s | %7s | %7s | %7s | %s' "$t" \
    "$ATTENDANTS" "$(field rps "$w")" "$(field p50_ms "$w")" "$(field p90_ms "$w")" \
    "$(field p99_ms "$w")" "$(field max_ms "$w")" "$werr")")
  PACED_TARGET+=("$(awk -v p="$(field p99_ms "$w")" -v r="$(field rps "$w")" -v t="$t" \
    -v a="$ATTENDANTS" 'BEGIN { printf "target p99 <= 15 ms, %d attendants at mean think time %d ms (%.0f/s): %s (%.2f ms)",
      a, t, r, (p + 0 <= 15 ? "MET" : "NOT MET"), p }')")
done

log "verifying the ledger (GET /api/ledger/verify as district) and the stock book"
verify=$(api verify "$BASE")
stockcheck=$(q -c "select count(*) from products p where p.stock <> (select coalesce(sum(quantity), 0)
                   from stock_movements m where m.product_id = p.id)")
counts=$(q -c "select count(*) filter (where method = 'QR'), count(*) filter (where transfer_id is null)
               from redemptions" | tr '|' ' ')
END_HUMAN=$(date -u '+%Y-%m-%d %H:%M:%S UTC')

{
  echo "Village Points redemption benchmark, $START_HUMAN .. $END_HUMAN"
  echo "machine: nproc=$(nproc), $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)," \
    "$(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before: $LOAD_BEFORE"
  echo "java: $(java -version 2>&1 | sed -n 1p); JAVA_OPTS: $JAVA_OPTS"
  echo "service start-up: ${STARTUP_S}s (exec to /health, demo data loaded); memory after the" \
    "load: RSS $(rss_mb "$SVC_PID" | awk '{print $1 " MB, peak " $2}') MB"
  echo "postgres: $(q -c 'show server_version') ($(pg_kind)), fsync=$(pgset fsync)," \
    "synchronous_commit=$(pgset synchronous_commit), shared_buffers=$(pgset shared_buffers);" \
    "$("$PGBENCH" --version); wrk $({ wrk -v 2>&1 || true; } | awk 'NR == 1 {print $2}')"
  echo "setup: $SETUP; one 1-point product per village; consecutive codes in different villages; QR tokens issued through the API" \
    "just before each level (not timed)"
  echo "${DURATION}s per level and tool, after ${WARMUP}s service + 5s pgbench warm-up;" \
    "latencies in ms; ratio = service req/s / pgbench tps"
  echo
  echo "clients | service/s  |   p50   |   p99   | pgbench/s  |   p50   |   p99   | ratio | errors svc/pgb"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "CPU ms per redemption (JVM, PostgreSQL, load generator) and % of the $(nproc) cores busy"
  echo "(all, and not explained by these processes: other load on the machine):"
  echo "clients | service: JVM    PG  wrk | busy other | pgbench: PG  client | busy other"
  printf '%s\n' "${CPU_ROWS[@]}"
  echo
  if [[ ${#PACED_ROWS[@]} -gt 0 ]]; then
    echo "Attendants at a pace: each connection waits a random think time (exponential, mean as"
    echo "shown) before each redemption; latency from the request's send, in ms:"
    echo "pace          | attendants | redeemed/s |   p50   |   p90   |   p99   |   max   | errors"
    printf '%s\n' "${PACED_ROWS[@]}"
    echo
  fi
  if [[ ${#OTHERS[@]} -gt 0 ]]; then
    echo "DISTURBED: other processes using >= 5% of a core during a measurement:"
    printf '  %s\n' "${OTHERS[@]}"
  fi
  echo "ledger verification after the run: $verify"
  echo "stock book: $stockcheck products whose stock differs from their movements;" \
    "redemptions (QR, without transfer): $counts"
  awk -v rows="$(printf '%s\n' "${ROWS[@]}")" 'BEGIN {
    n = split(rows, r, "\n"); met = 1; worst = 99
    for (i = 1; i <= n; i++) { split(r[i], f, "|"); x = f[8] + 0; if (x < worst) worst = x; if (x < 0.7) met = 0 }
    printf "target service >= 0.7 x pgbench: %s (lowest ratio %.2f)\n", met ? "MET" : "NOT MET", worst }'
  [[ -n $P99_32 ]] && awk -v p="$P99_32" 'BEGIN { printf "target p99 <= 15 ms, 32 clients without pause (closed loop): %s (%.2f ms)\n",
    (p + 0 <= 15 ? "MET" : "NOT MET"), p }'
  [[ ${#PACED_TARGET[@]} -eq 0 ]] || printf '%s\n' "${PACED_TARGET[@]}"
  [[ $EXHAUSTED == 0 ]] || echo "TOKENS RAN OUT in $EXHAUSTED wrk threads (reused codes fail with 409)"
  [[ $ERRORS == 0 ]] || echo "ERRORS: $ERRORS failed requests/transactions (see $RAW)"
} | tee "$SUMMARY"
log "summary: $SUMMARY; raw output: $RAW"
[[ $ERRORS == 0 && $verify == *ok=true* && $stockcheck == 0 ]] || exit 1
