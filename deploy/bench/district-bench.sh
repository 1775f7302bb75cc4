#!/usr/bin/env bash
# District-scale dashboard benchmark (issue #7): generates a district of VILLAGES villages ×
# HPV households with TPH transfers each (defaults: 1,000 × 300 × 33 ≈ 10 million transfers,
# 20 million ledger entries) straight into the service's PostgreSQL, builds the dashboard
# rollups with the same SQL as migrations V009 and V016, then measures on 127.0.0.1 only,
# bounded in time: the district and village dashboards through the service (wrk, CLIENTS connections,
# DURATION seconds each) against the naive GROUP BY over ledger entries (psql, RUNS times);
# the district dashboard again while CHANGES villages a second change (each change makes the
# next answer recompute that village's row); both dashboards recomputed on every request (a
# restarted service keeping nothing); and the floor under any village answer (an
# authenticated one-row read of the same village).
#
#   deploy/bench/district-bench.sh            # full size: about 10 GB of disk, 20-40 minutes
#   VILLAGES=100 deploy/bench/district-bench.sh   # a tenth, a few minutes
#
# Environment: JAR, VILLAGES (1000), HPV (300), TPH (33), CLIENTS (4), DURATION (20),
# RUNS (3), CHANGES (10), QUIET_WAIT (60), DATA (a directory to keep the service's data in: a later run
# with the same DATA skips the generation and measures again). Results:
# deploy/bench/results/district-bench-<time>.txt.
set -eEuo pipefail
BENCH_NAME=district-bench
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VILLAGES=${VILLAGES:-1000}
HPV=${HPV:-300}
TPH=${TPH:-33}
CLIENTS=${CLIENTS:-4}
DURATION=${DURATION:-20}
RUNS=${RUNS:-3}
CHANGES=${CHANGES:-10}
DISTRICT=基准区
ADMIN=benchadmin
need_tools java curl psql awk sed shuf
need_wrk
mkdir -p "$BENCH/results"
SUMMARY="$BENCH/results/district-bench-$(date -u +%Y%m%dT%H%M%SZ).txt"

export VP_JWT_SECRET
VP_JWT_SECRET=$(head -c 48 /dev/urandom | base64 -w0) # this run only
elapsed() { local s=$SECONDS; "$@" >/dev/null || return; echo $((SECONDS - s)); }
MADE="kept from an earlier run (DATA)"
if [[ ! -f $DATA/bench-password ]]; then
  # The district's administrator (its password is only for this dataset).
  PASSWORD="bench-$(shuf -i 100000-999999 -n 1)"
  log "creating $DISTRICT and its administrator"
  read -ra DB_ENV <<<"$(service_db_env)"
  env "${DB_ENV[@]}" VP_ADMIN_PASSWORD="$PASSWORD" VP_DATA_DIR="$DATA" \
    java $JAVA_OPTS -jar "$JAR" create-admin --username "$ADMIN" --district "$DISTRICT" \
    >>"$TMP/service.log" 2>&1 || { tail -20 "$TMP/service.log" >&2; die "create-admin failed"; }
  start_service VP_DEMO=false
  log "generating $VILLAGES villages × $HPV households × $TPH transfers"
  GEN_S=$(elapsed q -v district="$DISTRICT" -v villages="$VILLAGES" -v hpv="$HPV" -v tph="$TPH" \
    -f "$BENCH/district-data.sql")
  # The rollups: the backfills of V009 and V016, the migrations that created them (same SQL
  # and rules).
  { sed -n '/^-- Backfill/,/^where awards > 0 group by/p' \
      "$ROOT/backend/src/main/resources/db/migration/V009__create_dashboard_rollups.sql"
    sed -n '/^-- Backfill/,/^from village_months group by/p' \
      "$ROOT/backend/src/main/resources/db/migration/V016__create_village_years.sql"
  } >"$TMP/rollups.sql"
  log "building the rollups"
  ROLLUP_S=$(elapsed q -1 -f "$TMP/rollups.sql")
  MADE="generated in ${GEN_S}s, rollups built in ${ROLLUP_S}s"
  q -c 'analyze'
  mkdir -p "$DATA" && echo "$PASSWORD" >"$DATA/bench-password"
else
  PASSWORD=$(cat "$DATA/bench-password")
  start_service VP_DEMO=false
fi
read -r DID TRANSFERS ENTRIES < <(q -F ' ' -c "select d.id, (select count(*) from ledger_transfers),
  (select count(*) from ledger_entries) from districts d where d.name = '$DISTRICT'")
VID=$(q -c "select min(id) from villages where district_id = $DID")
VILLAGES=$(q -c "select count(*) from villages where district_id = $DID")
HOUSEHOLDS=$(q -c "select count(*) from households h join villages v on v.id = h.village_id
  where v.district_id = $DID")
log "$HOUSEHOLDS households, $TRANSFERS transfers, $ENTRIES entries ($MADE)"

YEAR_FROM=$(date +%Y)-01; YEAR_TO=$(date +%Y)-12 # a calendar year: a standard period
export TOKEN
TOKEN=$(login "$ADMIN" "$PASSWORD")
quiet_wait "${QUIET_WAIT:-60}"

run_wrk() { # label url -> WRK_RESULT line
  local out threads=$((CLIENTS < 2 ? CLIENTS : 2))
  out=$(wrk -t"$threads" -c"$CLIENTS" -d"${DURATION}s" --timeout 10s -s "$BENCH/dashboard.lua" \
    "$2" 2>&1)
  grep '^WRK_RESULT' <<<"$out" || die "wrk gave no result for $1: $out"
}
DURL="http://$HOST:$PORT/api/districts/$DID/dashboard?from=$YEAR_FROM&to=$YEAR_TO"
VURL="http://$HOST:$PORT/api/villages/$VID/dashboard?from=$YEAR_FROM&to=$YEAR_TO"
curl -sf -H "Authorization: Bearer $TOKEN" "$DURL" >"$TMP/district.json" || die "district dashboard failed"
log "warm-up 5 s per answer"
DURATION=5 run_wrk warm "$DURL" >/dev/null
DURATION=5 run_wrk warm "$VURL" >/dev/null
log "district dashboard, $CLIENTS clients, ${DURATION}s"
D=$(run_wrk district "$DURL")
log "village dashboard, $CLIENTS clients, ${DURATION}s"
V=$(run_wrk village "$VURL")
# The floor under any village answer: the same HTTP, token and village-scope checks reading
# one small row (the village's expiry policy). No village dashboard can answer faster.
log "floor (GET /api/villages/$VID/ledger-policy), $CLIENTS clients, ${DURATION}s"
F=$(run_wrk floor "http://$HOST:$PORT/api/villages/$VID/ledger-policy")
# While villages change: CHANGES times a second one village of the district gets a new
# version (its row rewritten unchanged, as the V017 triggers see any change), so each answer
# recomputes the rows of the villages changed since the one before.
log "district dashboard while $CHANGES villages a second change, $CLIENTS clients, ${DURATION}s"
V0=$(q -c "select max(version) from village_versions")
q -c "do \$\$ declare ids bigint[] := array(select id from villages where district_id = $DID);
  begin for i in 1..$((CHANGES * (DURATION + 2))) loop
    update villages set name = name where id = ids[1 + floor(random() * cardinality(ids))::int];
    commit; perform pg_sleep(1.0 / $CHANGES); end loop; end \$\$" >/dev/null &
CHANGER=$!
C=$(run_wrk changing "$DURL")
wait "$CHANGER" || die "the village changes failed"
CHANGED=$(q -c "select count(*) from village_versions w join villages v on v.id = w.village_id
  where v.district_id = $DID and w.version > $V0")
# Village dashboards are answered again while the village is unchanged (V017), and district
# answers reuse the rows of unchanged villages; nothing changes during the runs above but the
# one with changes. The same answers recomputed on every request (nothing kept), as before
# any reuse, on a restarted service:
log "restarting the service keeping nothing (VP_DASHBOARD_KEPT_ANSWERS=0, VP_DASHBOARD_KEPT_VILLAGES=0)"
stop_service
start_service VP_DEMO=false VP_DASHBOARD_KEPT_ANSWERS=0 VP_DASHBOARD_KEPT_VILLAGES=0
DURATION=5 run_wrk warm "$VURL" >/dev/null
log "village dashboard recomputed, $CLIENTS clients, ${DURATION}s"
R=$(run_wrk recomputed "$VURL")
DURATION=5 run_wrk warm "$DURL" >/dev/null
log "district dashboard recomputed, $CLIENTS clients, ${DURATION}s"
DR=$(run_wrk recomputed "$DURL")

# The naive answer: the same headline figures by GROUP BY over the ledger entries.
naive_sql() { # where-clause
  cat <<SQL
select e.village_id,
  sum(e.amount) filter (where e.kind = 'AWARD' and e.occurred_at >= p.f) issued,
  -sum(e.amount) filter (where e.kind = 'DEDUCTION' and e.occurred_at >= p.f) deducted,
  -sum(e.amount) filter (where e.kind = 'REDEMPTION' and e.occurred_at >= p.f) redeemed,
  sum(e.amount) outstanding,
  count(distinct e.account_id) filter (where e.kind = 'AWARD' and e.occurred_at >= p.f) participants
from ledger_entries e
join ledger_accounts a on a.id = e.account_id and a.kind = 'HOUSEHOLD'
join villages v on v.id = e.village_id,
  (select '$YEAR_FROM-01'::date at time zone 'Asia/Shanghai' f,
          ('$YEAR_TO-01'::date + interval '1 month') at time zone 'Asia/Shanghai' t) p
where $1 and e.occurred_at < p.t
group by e.village_id;
SQL
}
naive_ms() { # where-clause -> median milliseconds over RUNS runs
  local i
  for i in $(seq 1 "$RUNS"); do
    { echo '\timing on'; naive_sql "$1"; } | q 2>&1 | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
  done | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}
log "naive GROUP BY over entries, district ($RUNS runs)"
ND=$(naive_ms "v.district_id = $DID")
log "naive GROUP BY over entries, one village ($RUNS runs)"
NV=$(naive_ms "e.village_id = $VID")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", (b > 0 ? a / b : 0)}'; }
ROW='%-20s | %8s | %8s | %8s | %8s | %6s | %12s | %7s\n'
# shellcheck disable=SC2059 # ROW is the format
table_row() { # label WRK_RESULT naive_ms
  printf "$ROW" "$1" "$(field rps "$2")" "$(field p50_ms "$2")" "$(field p95_ms "$2")" \
    "$(field p99_ms "$2")" "$(field errors "$2")" "$3" "$(ratio "$3" "$(field p95_ms "$2")")"
}
{
  echo "district-bench $(date '+%Y-%m-%d %H:%M %Z') on $(nproc) cores; $(cut -d' ' -f1-3 /proc/loadavg) load"
  echo "data: $VILLAGES villages, $HOUSEHOLDS households, $TRANSFERS transfers, $ENTRIES entries;" \
    "$MADE; period $YEAR_FROM..$YEAR_TO"
  echo
  # shellcheck disable=SC2059
  printf "$ROW" answer rps p50_ms p95_ms p99_ms errors naive_ms naive/p95
  table_row "district dashboard" "$D" "$ND"
  table_row "district, changing" "$C" "$ND"
  table_row "district, recomputed" "$DR" "$ND"
  table_row "village dashboard" "$V" "$NV"
  table_row "village, recomputed" "$R" "$NV"
  table_row "floor (one row)" "$F" "$NV"
  echo
  echo "(dashboards: HTTP through the service, $CLIENTS connections, ${DURATION}s each;" \
    "naive: psql, server time of the GROUP BY over ledger_entries, median of $RUNS;" \
    "district dashboard: rows of unchanged villages reused; changing: while $CHANGES villages a" \
    "second change ($CHANGED villages changed in all);" \
    "village dashboard: answered again while the village is unchanged (V017);" \
    "recomputed: the same with nothing kept (VP_DASHBOARD_KEPT_ANSWERS=0," \
    "VP_DASHBOARD_KEPT_VILLAGES=0), as before any reuse;" \
    "floor: GET /api/villages/$VID/ledger-policy, the same HTTP, token and scope checks and one" \
    "row read, against the one-village naive figure: the best ratio any village answer could have)"
} | tee "$SUMMARY"
if [[ -n ${PAUSE:-} ]]; then # look around before everything is removed
  log "pausing ${PAUSE}s: psql -h $HOST -p $PGPORT -U postgres; curl -H 'Authorization: Bearer $TOKEN' '$DURL'"
  # in the background: bash runs the TERM trap (cleanup) only once its foreground child has
  # exited, so a stopped pause used to clean up when the sleep ended, stopping whichever
  # service then ran on the same DATA
  sleep "$PAUSE" &
  wait $!
fi
