#!/usr/bin/env bash
# The one benchmark command (issue #8): builds the jar, starts a PostgreSQL server from
# Debian's package (installed when missing) on a free loopback port, and runs on it, one
# after the other, each with the service on a fresh database of that server:
#   ledger-bench.sh      award (adjustment) throughput and p50/p99 beside pgbench running the
#                        same SQL, and a 500-award batch through PostingService
#   redemption-bench.sh  redemption throughput and p50/p99 beside pgbench (same SQL), and
#                        the latency of 32 attendants redeeming at a pace
#   district-bench.sh    dashboard p95 on a generated district (DASH_VILLAGES villages) beside
#                        the naive GROUP BY over ledger entries
# then prints one table (also start-up time and the service's memory under load) and writes
# it to deploy/bench/results/bench-<time>.txt. Load only on 127.0.0.1; every load is bounded
# in time (about 11 minutes in all with the defaults).
#
#   deploy/bench/bench.sh                 # builds first: mvn -B -q clean package -DskipTests
#   JAR=/tmp/backend.jar deploy/bench/bench.sh   # measures that jar, no build
#
# Environment: JAR, DURATION (seconds per level and tool, 15), LEVELS ("1 8 32"),
# DASH_VILLAGES (100: 30,000 households, 2 million entries; 1000 is the full district of
# issue #7 and takes 20-40 minutes more), QUIET_WAIT (60).
set -eEuo pipefail
BENCH_NAME=bench
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z ${JAR:-} ]]; then
  echo "[$(date +%H:%M:%S)] building the jar (mvn -B -q clean package -DskipTests)" >&2
  (cd "$ROOT" && mvn -B -q clean package -DskipTests >/dev/null)
fi
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_tools java curl psql awk sed python3
need_wrk
start_pg
mkdir -p "$BENCH/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
SUMMARY="$BENCH/results/bench-$STAMP.txt"
START_HUMAN=$(date -u '+%Y-%m-%d %H:%M UTC')

run_part() { # script [VAR=value...] -> path of its summary
  local script=$1 name=${1%.sh} before after
  shift
  before=$(find "$BENCH/results" -name "$name-*.txt" ! -name '*.raw.txt' | sort | tail -1)
  log "---- $script"
  env "$@" JAR="$JAR" "$BENCH/$script" >&2 || die "$script failed (its summary and log above)"
  after=$(find "$BENCH/results" -name "$name-*.txt" ! -name '*.raw.txt' | sort | tail -1)
  [[ -n $after && $after != "$before" ]] || die "$script wrote no summary"
  echo "$after"
}
LEDGER=$(run_part ledger-bench.sh)
REDEEM=$(run_part redemption-bench.sh)
DASH=$(run_part district-bench.sh VILLAGES="${DASH_VILLAGES:-100}" DURATION=15 RUNS=3)

rows() { # summary -> "clients svc_rps svc_p50 svc_p99 pgb_tps pgb_p50 pgb_p99 ratio" per level
  awk -F'|' 'NF == 9 && /^ *[0-9]+ \|/ {gsub(/ /, ""); print $1, $2, $3, $4, $5, $6, $7, $8}' "$1"
}
row_of() { # summary label -> the named row of district-bench's table, as fields
  awk -F'|' -v l="$2" '$1 ~ l {gsub(/ +/, " "); print $2, $3, $4, $5, $6, $7, $8}' "$1"
}
startup() { sed -nE 's/^service start-up: ([0-9.]+)s.*/\1/p' "$1"; }
memory() { sed -nE 's/.*load: RSS ([0-9]+) MB, peak ([0-9]+) MB.*/\1 \2/p' "$1"; }
batch_ms() { sed -nE "s/.*variant=$2.* median_ms=([0-9.]+).*/\1/p" "$1"; }
read -r D_RPS D_P50 D_P95 D_P99 D_ERR D_NAIVE D_X <<<"$(row_of "$DASH" "district dashboard")"
read -r V_RPS V_P50 V_P95 V_P99 V_ERR V_NAIVE V_X <<<"$(row_of "$DASH" "village dashboard")"
read -r F_RPS F_P50 F_P95 F_P99 F_ERR F_NAIVE F_X <<<"$(row_of "$DASH" "floor")"
read -r C_RPS C_P50 C_P95 C_P99 C_ERR C_NAIVE C_X <<<"$(row_of "$DASH" "village, recomputed")"
read -r DC_RPS DC_P50 DC_P95 DC_P99 DC_ERR DC_NAIVE DC_X <<<"$(row_of "$DASH" "district, changing")"
read -r DR_RPS DR_P50 DR_P95 DR_P99 DR_ERR DR_NAIVE DR_X <<<"$(row_of "$DASH" "district, recomputed")"
read -r L_RSS L_PEAK <<<"$(memory "$LEDGER")"
read -r R_RSS R_PEAK <<<"$(memory "$REDEEM")"
{
  echo "Village Points benchmark (deploy/bench/bench.sh), $START_HUMAN .. $(date -u '+%H:%M UTC')"
  echo "machine: $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)," \
    "$(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); PostgreSQL" \
    "$("$PG_BIN/postgres" --version | awk '{print $3}') (Debian package, fsync and" \
    "synchronous_commit on); JAVA_OPTS: $JAVA_OPTS"
  echo
  echo "what                          | clients |  service/s | p50 ms | p99 ms | pgbench/s | p50 ms | p99 ms | ratio"
  rows "$LEDGER" | while read -r c a b d e f g r; do
    printf '%-29s | %7s | %10s | %6s | %6s | %9s | %6s | %6s | %5s\n' "award (adjustment)" "$c" "$a" "$b" "$d" "$e" "$f" "$g" "$r"
  done
  rows "$REDEEM" | while read -r c a b d e f g r; do
    printf '%-29s | %7s | %10s | %6s | %6s | %9s | %6s | %6s | %5s\n' "redemption (phone QR)" "$c" "$a" "$b" "$d" "$e" "$f" "$g" "$r"
  done
  echo
  echo "redemption, attendants at a pace (a random think time before each redemption):"
  grep -h '^pace\|^think' "$REDEEM" | sed 's/^/  /'
  echo
  echo "batch of 500 awards (one transaction): median $(batch_ms "$LEDGER" all-villages) ms over" \
    "all villages, $(batch_ms "$LEDGER" one-village) ms in one village"
  echo "dashboards ($(sed -nE 's/^data: ([^;]*);.*/\1/p' "$DASH")):"
  echo "  district: p50 $D_P50 ms, p95 $D_P95 ms, p99 $D_P99 ms, $D_RPS/s; naive GROUP BY $D_NAIVE ms ($D_X x the p95)"
  echo "  district while 10 villages a second change: p50 $DC_P50 ms, p95 $DC_P95 ms, $DC_RPS/s ($DC_X x the p95)"
  echo "  district, recomputed on every request: p50 $DR_P50 ms, p95 $DR_P95 ms, $DR_RPS/s ($DR_X x the p95)"
  echo "  village:  p50 $V_P50 ms, p95 $V_P95 ms, p99 $V_P99 ms, $V_RPS/s; naive GROUP BY $V_NAIVE ms ($V_X x the p95)"
  echo "  village, recomputed on every request: p50 $C_P50 ms, p95 $C_P95 ms, $C_RPS/s ($C_X x the p95)"
  echo "  floor (one authenticated row of the village): p50 $F_P50 ms, p95 $F_P95 ms, $F_RPS/s ($F_X x the p95)"
  echo "service start-up (exec to /health, demo data loaded): $(startup "$LEDGER") s and $(startup "$REDEEM") s"
  echo "service memory (RSS) after the award load: $L_RSS MB (peak $L_PEAK MB); after the" \
    "redemption load: $R_RSS MB (peak $R_PEAK MB)"
  echo
  grep -h '^target\|^DISTURBED\|^ERRORS\|^TOKENS\|^ledger verification' "$LEDGER" "$REDEEM" | sed 's/^/  /'
  echo "details: $(basename "$LEDGER"), $(basename "$REDEEM"), $(basename "$DASH") in deploy/bench/results/"
} | tee "$SUMMARY"
log "summary: $SUMMARY"
