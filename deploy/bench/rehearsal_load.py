#!/usr/bin/env python3
"""Load client of deploy/rehearsal.sh (standard library only, 127.0.0.1 only).

  rehearsal_load.py BASE TARGETS_FILE DISTRICT_TOKEN DISTRICT_ID SECONDS PHASE_FILE OUT_JSON
                    [REDEEM_THREADS] [DASHBOARD_THREADS]

Redemption workers act like the counter: the villager's phone asks for a QR code (POST
/api/households/{id}/qr-tokens), the attendant redeems it (POST /api/redemptions with a fresh
Idempotency-Key). A request that fails for a server reason (connection refused or cut, 502,
503, 504) is retried with the SAME key (for the redemption) for up to 20 s, as the counter
app does; any other answer is final. Dashboard workers GET the district dashboard and note
which database answered (X-Read-Source). Every answer is counted in the phase named by
PHASE_FILE at that moment (the script writes "before-kill", "after-kill", ...), separately
for first attempts and after retries. OUT_JSON gets the counts and every confirmed
redemption (id and key) for the script to check against the database.
"""
import http.client, json, sys, threading, time, uuid
from collections import defaultdict
from urllib.parse import urlparse

RETRY_STATUS = {502, 503, 504}
RETRY_FOR_SECONDS = 20


class Conn:
    def __init__(self, base):
        u = urlparse(base)
        assert u.hostname == "127.0.0.1", "load only on 127.0.0.1"
        self.host, self.port, self.c = u.hostname, u.port, None

    def send(self, method, path, token, body=None, headers=None):
        """(status, headers, body) or (None, None, error text) when the connection failed."""
        h = {"Authorization": "Bearer " + token, "Accept": "application/json"}
        if body is not None:
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        try:
            if self.c is None:
                self.c = http.client.HTTPConnection(self.host, self.port, timeout=15)
            self.c.request(method, path, body=None if body is None else json.dumps(body), headers=h)
            r = self.c.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        except (http.client.HTTPException, OSError) as e:
            if self.c is not None:
                self.c.close()
            self.c = None
            return None, None, repr(e)


class Stats:
    def __init__(self, phase_file):
        self.phase_file = phase_file
        self.lock = threading.Lock()
        self.counts = defaultdict(lambda: defaultdict(int))
        self.confirmed = []
        self.failures = []

    def phase(self):
        try:
            with open(self.phase_file) as f:
                return f.read().strip() or "start"
        except OSError:
            return "start"

    def add(self, what, n=1, phase=None):
        with self.lock:
            self.counts[phase or self.phase()][what] += n


def with_retries(stats, kind, call):
    """Runs call() until a final answer; counts first-attempt and final outcomes."""
    deadline = time.time() + RETRY_FOR_SECONDS
    attempt = 0
    while True:
        status, headers, body = call()
        attempt += 1
        transient = status is None or status in RETRY_STATUS
        if attempt == 1:
            stats.add(f"{kind}_requests")
            if status is None or status >= 300:
                stats.add(f"{kind}_first_attempt_failed")
        if not transient or time.time() > deadline:
            if attempt > 1:
                stats.add(f"{kind}_retried")
            if status is None or status >= 300:
                stats.add(f"{kind}_failed_after_retries")
                with stats.lock:
                    stats.failures.append(f"{kind}: {status} {body[:200]!r}")
            return status, headers, body
        stats.add(f"{kind}_retries")
        time.sleep(0.2 * attempt)


def redeemer(base, targets, k, n, stop, stats):
    conn = Conn(base)
    i = k
    while time.time() < stop:
        vid, hid, com, shop, pid = targets[i % len(targets)]
        i += n
        status, _, body = with_retries(stats, "qr", lambda: conn.send(
            "POST", f"/api/households/{hid}/qr-tokens", com, {}))
        if status != 201 and status != 200:
            continue
        qr = json.loads(body)["token"]
        key = f"rehearsal-{uuid.uuid4()}"
        redeem = {"qrToken": qr, "items": [{"productId": int(pid), "quantity": 1}]}
        status, headers, body = with_retries(stats, "redeem", lambda: conn.send(
            "POST", "/api/redemptions", shop, redeem, {"Idempotency-Key": key}))
        if status == 201:
            if headers.get("idempotent-replayed") == "true":
                stats.add("redeem_replayed_after_retry")
            with stats.lock:
                stats.confirmed.append({"id": json.loads(body)["id"], "key": key})


def reader(base, token, district, stop, stats):
    conn = Conn(base)
    while time.time() < stop:
        status, headers, body = with_retries(stats, "dashboard", lambda: conn.send(
            "GET", f"/api/districts/{district}/dashboard", token))
        if status == 200:
            stats.add("dashboard_from_" + headers.get("x-read-source", "unknown"))


def main():
    base, targets_file, token, district, seconds, phase_file, out = sys.argv[1:8]
    redeem_threads = int(sys.argv[8]) if len(sys.argv) > 8 else 4
    dashboard_threads = int(sys.argv[9]) if len(sys.argv) > 9 else 2
    targets = [l.split() for l in open(targets_file) if l.strip()]
    stats = Stats(phase_file)
    stop = time.time() + float(seconds)
    threads = [threading.Thread(target=redeemer, args=(base, targets, k, redeem_threads, stop,
                                                       stats)) for k in range(redeem_threads)]
    threads += [threading.Thread(target=reader, args=(base, token, district, stop, stats))
                for _ in range(dashboard_threads)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    with open(out, "w") as f:
        json.dump({"phases": stats.counts, "confirmed": stats.confirmed,
                   "failures": stats.failures[:20]}, f)


if __name__ == "__main__":
    main()
