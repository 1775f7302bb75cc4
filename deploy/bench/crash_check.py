#!/usr/bin/env python3
"""Verification and figures of crash-bench.sh (standard library only).

  crash_check.py JOURNAL EVENTS DB_DIR HANG_S RECOVERY_S

JOURNAL: crash_client.py's lines. EVENTS: "name epoch-seconds" lines written by the script
(load, kill, service_up, pg_stop, pg_up, stop, restart_s, ...). DB_DIR: what the script read
from PostgreSQL after the run, '|'-separated, only rows made during the run:
  keys.txt         key|response_status|redemption id (from idempotency_keys.response_body)|xmin
  redemptions.txt  id|household_id|xmin
  tokens.txt       nonce|household_id|used (t or f)|xmin
(xmin: the transaction that wrote the row; a redemption's three rows share it)
  verify.txt       the ledger verifier's answers, one "ok=... problems=..." line per check
Prints a Markdown table of the figures and one line per check; exit status 1 if any fails.
"""
import json
import sys
from collections import Counter, defaultdict


def rows(path):
    with open(path) as f:
        return [line.rstrip("\n").split("|") for line in f if line.strip()]


def rows_space(path):
    with open(path) as f:
        return [line.split() for line in f if line.strip()]


def outcome(r):
    return "no answer" if r["status"] is None else str(r["status"])


def counts(records):
    c = Counter(outcome(r) for r in records)
    return ", ".join(f"{k}: {v}" for k, v in sorted(c.items())) or "none"


def first_2xx_after(redeems, t):
    done = [r["t1"] for r in redeems if r["t0"] >= t - 0.001 and r["status"] in (200, 201)]
    return min(done) - t if done else None


def main():
    journal, events_file, db, hang_s, recovery_s = sys.argv[1:6]
    hang_s, recovery_s = float(hang_s), float(recovery_s)
    recs = [json.loads(line) for line in open(journal) if line.strip()]
    ev = {k: float(v) for k, v in rows_space(events_file)}
    redeems = [r for r in recs if r["kind"] == "redeem"]
    keys_db, key_tx = {}, {}
    for k, s, i, x in rows(f"{db}/keys.txt"):
        keys_db[k], key_tx[k] = (s, int(i) if i else None), x
    redemptions = {int(i): (int(h), x) for i, h, x in rows(f"{db}/redemptions.txt")}
    tokens = {n: (int(h), u == "t", x) for n, h, u, x in rows(f"{db}/tokens.txt")}
    verify = [line for line in open(f"{db}/verify.txt") if line.strip()]

    by_key = defaultdict(list)
    for r in redeems:
        by_key[r["key"]].append(r)
    confirmed = {}  # key -> redemption id
    problems = []
    for key, rs in by_key.items():
        ids = {r["id"] for r in rs if r["status"] in (200, 201)}
        if len(ids) > 1:
            problems.append(f"key {key} confirmed different ids {sorted(ids)}")
        if ids:
            confirmed[key] = ids.pop()
    owners = defaultdict(list)
    for key, rid in confirmed.items():
        owners[rid].append(key)
    db_owners = defaultdict(list)
    for key, (_, rid) in keys_db.items():
        if rid is not None:
            db_owners[rid].append(key)

    checks = []

    def check(name, ok, detail=""):
        checks.append((name, ok, detail))

    missing = [k for k, rid in confirmed.items() if rid not in redemptions]
    wrong_link = [k for k, rid in confirmed.items() if keys_db.get(k, (None, None))[1] != rid]
    check("every confirmed redemption exists exactly once, tied to its own key",
          not missing and not wrong_link and not problems,
          f"{len(confirmed)} confirmed; missing {len(missing)}, key→id mismatches"
          f" {len(wrong_link)}{'; ' + problems[0] if problems else ''}")
    shared = {rid: ks for rid, ks in owners.items() if len(ks) > 1}
    db_shared = {rid: ks for rid, ks in db_owners.items() if len(ks) > 1}
    check("no two keys confirmed (or stored) the same redemption", not shared and not db_shared,
          f"{len(shared)} / {len(db_shared)}")
    orphans = [rid for rid in redemptions if rid not in db_owners]
    check("no redemption exists without a key", not orphans,
          f"{len(redemptions)} redemptions in the run, {len(orphans)} without a key")
    unconfirmed = [k for k in by_key if k not in confirmed]
    exist = sum(1 for k in unconfirmed if keys_db.get(k, (None, None))[1] is not None)
    bad_unconfirmed = [k for k in unconfirmed if keys_db.get(k, (None, None))[1] is not None
                       and keys_db[k][1] not in redemptions]
    check("each unconfirmed request exists once or not at all", not bad_unconfirmed,
          f"{len(unconfirmed)} never confirmed: {exist} exist once, {len(unconfirmed) - exist}"
          " not at all")
    token_bad = []
    for key, rs in by_key.items():
        nonce = json.loads(rs[0]["body"])["qrToken"].split(".")[3]
        household, used, tx = tokens.get(nonce, (None, False, None))
        rid = keys_db.get(key, (None, None))[1]
        if rid is None and used:
            token_bad.append(f"{key}: code used but no redemption stored under the key")
        if rid is not None and (not used or rid not in redemptions
                                or redemptions[rid] != (household, tx) or key_tx[key] != tx):
            token_bad.append(f"{key}: redemption {rid} does not match its code's use")
    check("QR code used ⇔ its key holds the redemption (same household, same transaction)",
          not token_bad, token_bad[0] if token_bad else f"{len(by_key)} keys")
    check("ledger verifier clean after each phase",
          bool(verify) and all(v.startswith("ok=true") and "problems=0" in v for v in verify),
          " / ".join(v.strip() for v in verify))

    allrecs = sorted(recs, key=lambda r: r["t0"])
    five = [r for r in allrecs if r["status"] is not None and r["status"] >= 500]
    e500 = [r for r in five if r["status"] == 500]
    bad503 = [r for r in five if r["status"] == 503 and (r["code"] != "DATABASE_UNAVAILABLE"
                                                       or r["retry_after"] != "5")]
    check("zero 500 answers", not e500, f"{len(e500)} of {len(allrecs)} requests")
    check("every 503 is DATABASE_UNAVAILABLE with Retry-After: 5", not bad503,
          f"{sum(1 for r in five if r['status'] == 503)} 503s, {len(bad503)} otherwise")
    slowest = max((r["t1"] - r["t0"] for r in allrecs), default=0)
    check(f"no request took longer than {hang_s:g} s (no hangs)", slowest <= hang_s,
          f"slowest {slowest:.2f} s")
    refused = Counter(r["code"] for r in redeems
                      if r["status"] is not None and 400 <= r["status"] < 500)
    check("no refusal other than an expired code", set(refused) <= {"QR_TOKEN_EXPIRED"},
          ", ".join(f"{c}: {n}" for c, n in refused.items()) or "none")
    stopped = [r for r in allrecs if ev["pg_down"] <= r["t1"] <= ev["pg_start"]]
    check("while PostgreSQL was stopped every answer was a 503",
          bool(stopped) and all(r["status"] == 503 for r in stopped), counts(stopped))
    pg_rec = first_2xx_after(redeems, ev["pg_up"])
    check(f"first 2xx within {recovery_s:g} s after PostgreSQL is back",
          pg_rec is not None and pg_rec <= recovery_s,
          "never" if pg_rec is None else f"{pg_rec:.2f} s")

    def window(a, b):
        return [r for r in allrecs if a <= r["t1"] <= b]

    svc_rec = first_2xx_after(redeems, ev["service_up"])
    in_flight = {r["key"] for r in redeems if r["t0"] < ev["kill"] <= r["t1"]}
    replayed = {r["key"] for r in redeems if r["replayed"]}
    load_s = ev["kill"] - ev["load"]
    before = sum(1 for r in redeems if r["status"] == 201 and r["t1"] < ev["kill"]
                 and not r["replayed"])
    fig = [
        ("load", f"{len({r['th'] for r in recs})} client threads, one Idempotency-Key per"
                 f" redemption; {before / load_s:.0f} redemptions/s before the crash"),
        ("requests (redeem + code)", f"{len(redeems)} + {len(recs) - len(redeems)}: {counts(allrecs)}"),
        ("keys / confirmed / redemptions made", f"{len(by_key)} / {len(confirmed)} / {len(redemptions)}"),
        ("confirmed only on a retry (answer lost, Idempotent-Replayed)", f"{len(replayed)}"),
        ("kill -9: requests in flight", f"{len(in_flight)}; all confirmed later: "
                                        f"{'yes' if in_flight <= set(confirmed) else 'no'}"),
        ("kill -9: restart to /health", f"{ev['restart_s']:.1f} s (service down"
                                        f" {ev['service_up'] - ev['kill']:.1f} s)"),
        ("kill -9: answers from the kill to /health", counts(window(ev["kill"], ev["service_up"]))),
        ("kill -9: first 2xx after /health", "never" if svc_rec is None else f"{svc_rec:.2f} s"),
        ("PostgreSQL down (stop -m fast, 3 s, start)", f"{ev['pg_up'] - ev['pg_stop']:.1f} s"),
        ("PostgreSQL: answers while stopped (stop returned .. start began)",
         counts(window(ev["pg_down"], ev["pg_start"]))),
        ("PostgreSQL: answers from the stop command to back", counts(window(ev["pg_stop"], ev["pg_up"]))),
        ("PostgreSQL: first 2xx after it is back", "never" if pg_rec is None else f"{pg_rec:.2f} s"),
        ("slowest request (whole run)", f"{slowest:.2f} s"),
        ("500 answers", f"{len(e500)}"),
    ]
    print("| figure | value |\n|---|---|")
    for k, v in fig:
        print(f"| {k} | {v} |")
    print()
    for name, ok, detail in checks:
        print(f"- {'PASS' if ok else 'FAIL'}: {name} ({detail})")
    sys.exit(0 if all(ok for _, ok, _ in checks) else 1)



if __name__ == "__main__":
    main()
